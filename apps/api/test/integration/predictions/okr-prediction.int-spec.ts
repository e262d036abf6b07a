import {
  LIVE_MODEL_VERSIONS_KEY,
  type PredictionItem,
  type PredictionOutput,
  type PredictResult,
} from '@qbm/contracts';
import { Queue, type Worker } from 'bullmq';
import { PredictionCoalescer } from '../../../src/modules/predictions/prediction-coalescer.service';
import { createMetric, createObjective, daysAgo, METRICS_URL } from '../north-star-metrics/metric-fixtures';
import { keyResult, useOkrApi } from '../okrs/okr-fixtures';
import { queueConnection, startPredictionStandIn } from './inference-stand-in';

const VERSION = 'okr-achievement-standin0001';
const EMPTY_HISTORY = {
  baselineValue: 0,
  targetValue: 1,
  periodStart: '2026-01-01',
  periodEnd: '2026-03-31',
  checkIns: [],
};

// Answers each item with a probability read from its input, so the test can tell which check-ins
// the API sent.
function answer(item: PredictionItem): PredictionOutput {
  const drivers = [{ feature: 'progress', value: 0.5, contribution: 0.4 }];
  switch (item.kind) {
    case 'okr':
      return {
        kind: 'okr',
        id: item.id,
        probability: 0.6,
        expectedScore: 0.7,
        keyResults: item.keyResults.map((kr) => ({ id: kr.id, probability: kr.checkIns.length / 10, drivers })),
      };
    case 'key-result':
      return { kind: 'key-result', id: item.id, probability: item.history.checkIns.length / 10, drivers, features: {} };
    case 'anomaly':
      // The last value is flagged.
      return {
        kind: 'anomaly',
        id: item.id,
        values: item.history.values.map((v, i, all) => ({
          ...v,
          score: i === all.length - 1 ? 9 : 0,
          flagged: i === all.length - 1,
          reason: i === all.length - 1 ? 'spike' : null,
          expected: v.value,
        })),
      };
    case 'forecast':
      return { kind: 'error', id: item.id, code: 'TEST.UNSUPPORTED', message: 'not in this stand-in' };
  }
}

describe('prediction routes', () => {
  const { t, admin, api } = useOkrApi();
  let worker: Worker | null = null;
  const jobs: PredictionItem[][] = [];

  beforeEach(async () => {
    jobs.length = 0;
    await t.redis.hset(LIVE_MODEL_VERSIONS_KEY, 'okr-achievement', VERSION);
    worker = await startPredictionStandIn({
      answer,
      modelVersions: { 'okr-achievement': VERSION },
      onJob: (items) => jobs.push(items),
    });
  });
  afterEach(async () => {
    await worker?.close();
    worker = null;
  });

  async function seededOkr() {
    const okr = await api.activeOkr([keyResult(), keyResult({ weight: 2, baselineValue: 50, targetValue: 10 })]);
    const [first, second] = okr.keyResults;
    for (const [value, checkedInAt] of [
      [20, '2026-01-20T10:00:00.000Z'],
      [35, '2026-02-10T10:00:00.000Z'],
      [60, '2026-03-05T10:00:00.000Z'],
    ] as const) {
      expect((await api.checkIn(first!.id, { value, confidence: 0.7, checkedInAt })).statusCode).toBe(201);
    }
    expect(
      (await api.checkIn(second!.id, { value: 40, confidence: 0.4, checkedInAt: '2026-02-01T10:00:00.000Z' }))
        .statusCode,
    ).toBe(201);
    return okr;
  }

  it("answers an OKR's probability with drivers, from the check-ins as of the date", async () => {
    const okr = await seededOkr();
    const reply = await api.call<Record<string, unknown>>('GET', `/okrs/${okr.id}/prediction?asOf=2026-02-15`);
    expect(reply.statusCode).toBe(200);
    const body = reply.json() as unknown as {
      probability: number;
      drivers: { feature: string; keyResultId: string }[];
      keyResults: { keyResultId: string; probability: number }[];
      modelVersion: string;
      cached: boolean;
    };
    expect(body.probability).toBe(0.6);
    expect(body.modelVersion).toBe(VERSION);
    expect(body.drivers[0]).toMatchObject({ feature: 'progress', keyResultId: expect.any(String) });
    // Two of the first key result's three check-ins are on or before 15 February.
    expect(body.keyResults.map((kr) => kr.probability)).toEqual([0.2, 0.1]);
    const sent = jobs.flat()[0];
    expect(sent?.kind === 'okr' && sent.keyResults[0]?.checkIns.map((c) => c.value)).toEqual([20, 35]);
    expect(body.cached).toBe(false);

    const again = await api.call('GET', `/okrs/${okr.id}/prediction?asOf=2026-02-15`);
    expect((again.json() as unknown as { cached: boolean }).cached).toBe(true);
    expect(jobs).toHaveLength(1);
  });

  it('answers a key result with its probability and the owner-disagreement flag', async () => {
    const okr = await seededOkr();
    const reply = await api.call('GET', `/key-results/${okr.keyResults[0]!.id}/prediction`);
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toMatchObject({ probability: 0.3, ownerConfidence: 0.7, confidenceDisagreement: true });
  });

  it('sends concurrent predictions as one job of many items', async () => {
    const coalescer = t.app.get(PredictionCoalescer);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        coalescer.predict({ kind: 'key-result', id: `kr-${i}`, asOf: '2026-02-01', history: EMPTY_HISTORY }),
      ),
    );
    expect(answers.map((a) => a.output.id)).toEqual(Array.from({ length: 20 }, (_, i) => `kr-${i}`));
    expect(jobs.map((items) => items.length)).toEqual([20]);
  });

  it('is a coded 503 with Retry-After when no worker answers in time', async () => {
    await worker?.close();
    const okr = await seededOkr();
    const reply = await t.app.inject({
      method: 'GET',
      url: `/api/v1/okrs/${okr.id}/prediction?asOf=2026-03-01`,
      headers: { authorization: `Bearer ${t.token('acme', 'admin')}` },
    });
    expect(reply.statusCode).toBe(503);
    expect(reply.json()).toMatchObject({ code: 'PREDICTIONS.UNAVAILABLE' });
    expect(Number(reply.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('raises one internal alert for a new anomaly on a primary metric, however often it is read', async () => {
    const objectiveId = await createObjective(t, admin);
    const metric = await createMetric(t, admin, { objectiveId, isPrimary: true });
    const values = Array.from({ length: 10 }, (_, i) => ({
      date: daysAgo(10 - i),
      value: i === 9 ? 900 : 100 + i,
    }));
    const ingested = await t.app.inject({
      method: 'POST',
      url: `${METRICS_URL}/${metric.id}/values`,
      headers: admin,
      payload: { values },
    });
    expect(ingested.statusCode).toBe(200);
    const alerts = new Queue('alerts', { connection: queueConnection() });
    try {
      for (let read = 0; read < 3; read += 1) {
        const reply = await api.call<{ flagged: number }>('GET', `/north-star-metrics/${metric.id}/anomalies`);
        expect(reply.statusCode).toBe(200);
        expect(reply.json().flagged).toBe(1);
      }
      const jobs = await alerts.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']);
      expect(jobs.map((job) => [job.name, (job.data as { alertname: string }).alertname])).toEqual([
        ['raise-alert', 'NorthStarMetricAnomaly'],
      ]);
    } finally {
      await alerts.close();
    }
  });

  it('refuses a malformed batch with a 400 and queues a valid one', async () => {
    const bad = await api.call('POST', '/predictions/batch', { items: [{ kind: 'okr' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION.FAILED');
    const queued = await api.call<{ jobId: string }>('POST', '/predictions/batch', {
      items: [{ kind: 'key-result', id: 'a', asOf: '2026-02-01', history: EMPTY_HISTORY }],
    });
    expect(queued.statusCode).toBe(202);
    const jobId = queued.json().jobId;
    const { waitFor } = await import('@qbm/testing');
    const polled = await waitFor(async () => {
      const reply = await api.call<{ state: string; result?: PredictResult }>('GET', `/predictions/batch/${jobId}`);
      return reply.json().state === 'completed' && reply.json();
    });
    expect(polled.result?.outputs[0]).toMatchObject({ kind: 'key-result', id: 'a', probability: 0 });
  });
});
