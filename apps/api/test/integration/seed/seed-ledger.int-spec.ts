import { LIVE_MODEL_VERSIONS_KEY, type PredictionItem, type PredictResult } from '@qbm/contracts';
import { testRedisUrl } from '@qbm/testing';
import { type Job, Worker } from 'bullmq';
import { utcDay } from '../../../src/cli/seed/calendar-dates';
import { seedDemoOrganisation, type SeedSummary } from '../../../src/cli/seed/demo-seeder';
import { useTestApp } from '../../setup/use-test-app';
import { useInferenceTables } from '../predictions/inference-tables';

const VERSION = 'okr-achievement-standin0001';

function connection(): { host: string; port: number; db: number } {
  const url = new URL(testRedisUrl());
  return { host: url.hostname, port: Number(url.port || 6379), db: Number(url.pathname.slice(1) || 0) };
}

// The seed replays closed OKRs through the prediction route as of past dates, before closing them.
// A stand-in worker answers (apps/inference's own specs cover the model) and records what it was sent.
describe('qbm seed fills the quality ledger', () => {
  const t = useTestApp({ truncate: 'once' });
  useInferenceTables(t);
  const sent: Extract<PredictionItem, { kind: 'okr' }>[] = [];
  let summary: SeedSummary | null = null;

  beforeAll(async () => {
    await t.dataSource.query('TRUNCATE inference_prediction_ledger');
    await t.redis.hset(LIVE_MODEL_VERSIONS_KEY, 'okr-achievement', VERSION);
    const worker = new Worker(
      'predictions',
      (job: Job<{ items: PredictionItem[] }>) => {
        const outputs = job.data.items.map((item) => {
          if (item.kind !== 'okr') throw new Error('the seed asks for OKR predictions only');
          sent.push(item);
          return {
            kind: 'okr' as const,
            id: item.id,
            probability: 0.5,
            expectedScore: 0.5,
            keyResults: item.keyResults.map((kr) => ({ id: kr.id, probability: 0.5, drivers: [] })),
          };
        });
        return Promise.resolve({
          outputs,
          modelVersions: { 'okr-achievement': VERSION },
          backend: 'none',
        } satisfies PredictResult);
      },
      { connection: connection(), concurrency: 4 },
    );
    try {
      summary = await seedDemoOrganisation(t.app, { today: utcDay(new Date()), log: () => undefined });
    } finally {
      await worker.close();
    }
  }, 240_000);

  it('records three predictions per closed OKR, as of dates inside its period, from the check-ins up to each', async () => {
    const closed = await t.dataSource.query<{ id: string; period_start: string; period_end: string }[]>(
      `SELECT id, to_char(period_start, 'YYYY-MM-DD') AS period_start, to_char(period_end, 'YYYY-MM-DD') AS period_end
         FROM okrs WHERE organization_id = 'demo' AND status IN ('completed', 'failed')`,
    );
    expect(closed.length).toBeGreaterThan(10);
    const ledger = await t.dataSource.query<{ target_id: string; as_of: string; model_version: string }[]>(
      `SELECT target_id, to_char(as_of, 'YYYY-MM-DD') AS as_of, model_version FROM inference_prediction_ledger
        WHERE organization_id = 'demo' AND target_type = 'okr'`,
    );
    expect(summary?.okrs.replayedPredictions).toBe(ledger.length);
    expect(ledger.length).toBe(3 * closed.length);
    for (const okr of closed) {
      const dates = ledger.filter((row) => row.target_id === okr.id).map((row) => row.as_of);
      expect(dates).toHaveLength(3);
      for (const asOf of dates) expect(asOf > okr.period_start && asOf < okr.period_end).toBe(true);
    }
    expect(new Set(ledger.map((row) => row.model_version))).toEqual(new Set([VERSION]));
    // Honest: no check-in after the as-of day reached the model.
    expect(sent).toHaveLength(ledger.length);
    for (const item of sent) {
      for (const kr of item.keyResults) {
        for (const checkIn of kr.checkIns) expect(checkIn.checkedInAt.slice(0, 10) <= item.asOf).toBe(true);
      }
    }
    // The key results of those OKRs are in the ledger too, for the inference service to score on close.
    const [{ count }] = (await t.dataSource.query<{ count: string }[]>(
      "SELECT count(*) FROM inference_prediction_ledger WHERE organization_id = 'demo' AND target_type = 'key-result'",
    )) as [{ count: string }];
    expect(Number(count)).toBeGreaterThan(ledger.length);
  });
});
