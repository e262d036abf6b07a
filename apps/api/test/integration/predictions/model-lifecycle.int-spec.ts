import type { ManageModelPayload, ManageModelResult } from '@qbm/contracts';
import { waitFor } from '@qbm/testing';
import type { Worker } from 'bullmq';
import { bearer } from '../../setup/test-app';
import { useOkrApi } from '../okrs/okr-fixtures';
import { startModelLifecycleStandIn } from './inference-stand-in';
import { useInferenceTables } from './inference-tables';

// Stands in for apps/inference's manage-model processor: records what the API asked for.
describe('model lifecycle routes', () => {
  const { t, api } = useOkrApi();
  useInferenceTables(t);
  let worker: Worker | null = null;
  const asked: ManageModelPayload[] = [];

  beforeEach(async () => {
    asked.length = 0;
    worker = await startModelLifecycleStandIn((payload) => asked.push(payload));
  });
  afterEach(async () => {
    await worker?.close();
    worker = null;
  });

  it('trains as a job for an admin, and the job id polls to its result', async () => {
    const queued = await api.call<{ jobId: string; action: string }>('POST', '/models/metric-anomaly/train', {
      seed: 42,
      promote: true,
    });
    expect(queued.statusCode).toBe(202);
    expect(queued.json().action).toBe('train');
    const jobId = queued.json().jobId;
    const polled = await waitFor(async () => {
      const reply = await api.call<{ state: string; result?: ManageModelResult }>(
        'GET',
        `/models/metric-anomaly/jobs/${jobId}`,
      );
      return reply.json().state === 'completed' && reply.json();
    });
    expect(polled.result).toMatchObject({ action: 'train', model: 'metric-anomaly', version: 'metric-anomaly-v2' });
    expect(asked).toEqual([
      expect.objectContaining({ action: 'train', model: 'metric-anomaly', seed: 42, promote: true }),
    ]);
    // The job belongs to its model's route.
    expect((await api.call('GET', `/models/okr-achievement/jobs/${jobId}`)).statusCode).toBe(404);
  });

  it('queues promote (of a given version) and rollback', async () => {
    const promote = await api.call('POST', '/models/okr-achievement/promote', { version: 'okr-achievement-abc' });
    const rollback = await api.call('POST', '/models/metric-forecast/rollback', {});
    expect([promote.statusCode, rollback.statusCode]).toEqual([202, 202]);
    await waitFor(() => asked.length === 2);
    expect(asked).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'promote', model: 'okr-achievement', version: 'okr-achievement-abc' }),
        expect.objectContaining({ action: 'rollback', model: 'metric-forecast' }),
      ]),
    );
  });

  it('refuses an editor (403), an unknown model (404) and a bad seed (400), queueing nothing', async () => {
    const editor = bearer(t.token('acme', 'editor'));
    const forbidden = await api.call('POST', '/models/metric-anomaly/train', {}, editor);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe('AUTH.ROLE_INSUFFICIENT');
    expect((await api.call('POST', '/models/metric-anomaly/rollback', {}, editor)).statusCode).toBe(403);
    const unknown = await api.call('POST', '/models/nope/promote', {});
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'MODEL.NOT_FOUND']);
    const bad = await api.call('POST', '/models/metric-anomaly/train', { seed: -1 });
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'VALIDATION.FAILED']);
    expect(asked).toEqual([]);
  });

  it("shows each version's live quality from the caller's scored predictions", async () => {
    await t.dataSource.query('TRUNCATE inference_prediction_ledger, inference_model_versions');
    await t.dataSource.query(
      `INSERT INTO inference_model_versions (version, model, seed, score, score_name, lower_is_better, metrics, card, promoted)
       VALUES ('okr-v1', 'okr-achievement', 1, 0.2, 'brier', true, '{}', '{}', false),
              ('okr-v2', 'okr-achievement', 2, 0.1, 'brier', true, '{}', '{}', true)`,
    );
    // v2: three scored for acme (two right), one unscored, one of another organisation's.
    const rows: [string, string, number, boolean | null][] = [
      ['acme', 'okr-v2', 0.9, true],
      ['acme', 'okr-v2', 0.8, false],
      ['acme', 'okr-v2', 0.2, false],
      ['acme', 'okr-v2', 0.7, null],
      ['globex', 'okr-v2', 0.1, true],
    ];
    for (const [i, [org, version, probability, outcome]] of rows.entries()) {
      await t.dataSource.query(
        `INSERT INTO inference_prediction_ledger (organization_id, target_type, target_id, model, model_version, probability, as_of, outcome)
         VALUES ($1, 'key-result', $2, 'okr-achievement', $3, $4, '2026-01-01', $5)`,
        [org, `00000000-0000-4000-8000-00000000000${i}`, version, probability, outcome],
      );
    }
    const reply = await api.call<{ live: string; versions: { version: string; liveQuality: unknown }[] }[]>(
      'GET',
      '/models/okr-achievement',
    );
    expect(reply.statusCode).toBe(200);
    const [model] = reply.json();
    expect(model?.live).toBe('okr-v2');
    const quality = Object.fromEntries((model?.versions ?? []).map((v) => [v.version, v.liveQuality]));
    expect(quality['okr-v1']).toBeNull();
    expect(quality['okr-v2']).toMatchObject({ scored: 3, precision: 0.5, recall: 1 });
    const v2 = quality['okr-v2'] as { accuracy: number; brier: number };
    expect(v2.accuracy).toBeCloseTo(2 / 3, 12);
    expect(v2.brier).toBeCloseTo((0.01 + 0.64 + 0.04) / 3, 12);
  });

  it("shows a forecast model's live MAPE per version from the caller's scored forecast points", async () => {
    await t.dataSource.query('TRUNCATE inference_forecast_ledger, inference_model_versions');
    await t.dataSource.query(
      `INSERT INTO inference_model_versions (version, model, seed, score, score_name, lower_is_better, metrics, card, promoted)
       VALUES ('fc-v1', 'metric-forecast', 1, 0.9, 'mase', true, '{}', '{}', false),
              ('fc-v2', 'metric-forecast', 2, 0.8, 'mase', true, '{}', '{}', true),
              ('fc-v3', 'metric-forecast', 3, 0.7, 'mase', true, '{}', '{}', false)`,
    );
    // v1: 10 % and 30 % off (MAPE 0.2) and a zero actual, which has no percentage error but is scored;
    // v2: one unscored point and one of another organisation's; v3: only a zero actual.
    const metric = '00000000-0000-4000-8000-000000000001';
    const rows: [string, string, number, number | null][] = [
      ['acme', 'fc-v1', 110, 100],
      ['acme', 'fc-v1', 140, 200],
      ['acme', 'fc-v1', 5, 0],
      ['acme', 'fc-v2', 100, null],
      ['globex', 'fc-v2', 100, 50],
      ['acme', 'fc-v3', 1, 0],
    ];
    for (const [i, [org, version, forecast, actual]] of rows.entries()) {
      await t.dataSource.query(
        `INSERT INTO inference_forecast_ledger (organization_id, metric_id, model, model_version, origin, target_date, forecast, actual, scored_at)
         VALUES ($1, $2, 'metric-forecast', $3, '2026-01-01', $4::date, $5, $6, CASE WHEN $6::float8 IS NULL THEN NULL ELSE now() END)`,
        [org, metric, version, `2026-01-${String(i + 2).padStart(2, '0')}`, forecast, actual],
      );
    }
    const reply = await api.call<{ versions: { version: string; liveQuality: unknown }[] }[]>(
      'GET',
      '/models/metric-forecast',
    );
    expect(reply.statusCode).toBe(200);
    const quality = Object.fromEntries((reply.json()[0]?.versions ?? []).map((v) => [v.version, v.liveQuality]));
    expect(quality['fc-v1']).toMatchObject({ scored: 3 });
    expect((quality['fc-v1'] as { mape: number }).mape).toBeCloseTo(0.2, 12);
    expect(quality['fc-v2']).toBeNull();
    expect(quality['fc-v3']).toEqual({ scored: 1, mape: null });
  });
});
