import { LIVE_MODEL_VERSIONS_KEY, type PredictionItem, type PredictResult } from '@qbm/contracts';
import { testRedisUrl } from '@qbm/testing';
import { type Job, Worker } from 'bullmq';
import { useOkrApi } from '../okrs/okr-fixtures';
import { createMetric, createObjective, daysAgo, METRICS_URL } from '../north-star-metrics/metric-fixtures';
import { useInferenceTables } from './inference-tables';

const VERSION = 'metric-forecast-ledgertest01';

function connection(): { host: string; port: number; db: number } {
  const url = new URL(testRedisUrl());
  return { host: url.hostname, port: Number(url.port || 6379), db: Number(url.pathname.slice(1) || 0) };
}

// Forecasts each next day at the last value plus one per step, from the history the API sent.
function forecast(item: PredictionItem): PredictResult['outputs'][number] {
  if (item.kind !== 'forecast')
    return { kind: 'error', id: item.id, code: 'TEST.UNSUPPORTED', message: 'forecasts only' };
  const last = item.history.values.at(-1)!;
  const points = Array.from({ length: item.horizon }, (_, i) => {
    const date = new Date(Date.parse(`${last.measuredOn}T00:00:00Z`) + (i + 1) * 86_400_000).toISOString().slice(0, 10);
    const value = last.value + i + 1;
    return { date, value, lower80: value - 1, upper80: value + 1, lower95: value - 2, upper95: value + 2 };
  });
  return { kind: 'forecast', id: item.id, method: 'test', lastObserved: last.measuredOn, points };
}

describe('forecast ledger', () => {
  const { t, admin, api } = useOkrApi();
  useInferenceTables(t);
  let worker: Worker | null = null;

  beforeEach(async () => {
    await t.redis.hset(LIVE_MODEL_VERSIONS_KEY, 'metric-forecast', VERSION);
    worker = new Worker(
      'predictions',
      (job: Job<{ items: PredictionItem[] }>) =>
        Promise.resolve({
          outputs: job.data.items.map(forecast),
          modelVersions: { 'metric-forecast': VERSION },
          backend: 'none',
        } satisfies PredictResult),
      { connection: connection(), concurrency: 4 },
    );
    await worker.waitUntilReady();
  });
  afterEach(async () => {
    await worker?.close();
    worker = null;
  });

  it('stores every point of a served forecast once, from its origin, for the inference service to score', async () => {
    const objectiveId = await createObjective(t, admin);
    const metric = await createMetric(t, admin, { objectiveId });
    const values = Array.from({ length: 10 }, (_, i) => ({ date: daysAgo(12 - i), value: 100 + i }));
    const ingested = await t.app.inject({
      method: 'POST',
      url: `${METRICS_URL}/${metric.id}/values`,
      headers: admin,
      payload: { values },
    });
    expect(ingested.statusCode).toBe(200);

    for (let read = 0; read < 2; read += 1) {
      const reply = await api.call('GET', `/north-star-metrics/${metric.id}/forecast?horizon=3`);
      expect(reply.statusCode).toBe(200);
    }
    const rows = await t.dataSource.query<
      { origin: string; target_date: string; forecast: number; model_version: string }[]
    >(
      `SELECT to_char(origin, 'YYYY-MM-DD') AS origin, to_char(target_date, 'YYYY-MM-DD') AS target_date, forecast, model_version
         FROM inference_forecast_ledger WHERE metric_id = $1 ORDER BY target_date`,
      [metric.id],
    );
    expect(rows).toEqual([
      { origin: daysAgo(3), target_date: daysAgo(2), forecast: 110, model_version: VERSION },
      { origin: daysAgo(3), target_date: daysAgo(1), forecast: 111, model_version: VERSION },
      { origin: daysAgo(3), target_date: daysAgo(0), forecast: 112, model_version: VERSION },
    ]);
  });
});
