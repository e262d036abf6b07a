import { randomUUID } from 'node:crypto';
import { sampleValue } from '@qbm/testing';
import { LedgerScorer } from '../../src/quality/ledger-scorer.service';
import { startTestInference, type TestInference } from '../setup/test-inference';

// The columns of the API's okrs and key_results tables the scorer reads; created here when this
// database has only the inference service's tables (each package has its own test database in CI).
const API_TABLES = [
  `CREATE TABLE IF NOT EXISTS okrs (
     id uuid PRIMARY KEY, organization_id varchar(63) NOT NULL, code varchar(24) NOT NULL, objective text NOT NULL,
     period_type varchar(10) NOT NULL, period_start date NOT NULL, period_end date NOT NULL, owner varchar(120) NOT NULL,
     status varchar(10) NOT NULL, progress double precision NOT NULL DEFAULT 0, final_score double precision)`,
  `CREATE TABLE IF NOT EXISTS key_results (
     id uuid PRIMARY KEY, organization_id varchar(63) NOT NULL, okr_id uuid NOT NULL REFERENCES okrs(id) ON DELETE CASCADE,
     statement text NOT NULL, kr_type varchar(12) NOT NULL, baseline_value double precision NOT NULL,
     target_value double precision NOT NULL, current_value double precision NOT NULL, weight double precision NOT NULL,
     owner varchar(120) NOT NULL)`,
];

describe('quality ledger', () => {
  let inference: TestInference;
  const org = `ledger-${randomUUID().slice(0, 8)}`;
  const okrId = randomUUID();
  const [reached, missed] = [randomUUID(), randomUUID()];

  beforeAll(async () => {
    inference = await startTestInference();
    for (const ddl of API_TABLES) await inference.dataSource.query(ddl);
    await inference.dataSource.query(
      `INSERT INTO okrs (id, organization_id, code, objective, period_type, period_start, period_end, owner, status, progress)
       VALUES ($1, $2, $3, 'Ledger', 'quarterly', '2026-01-01', '2026-03-31', 'o', 'active', 0.5)`,
      [okrId, org, `L-${okrId.slice(0, 6)}`],
    );
    const kr = `INSERT INTO key_results (id, organization_id, okr_id, statement, kr_type, baseline_value, target_value, current_value, weight, owner)
                VALUES ($1, $2, $3, 'kr', 'metric', $4, $5, $6, 1, 'o')`;
    // Up to 120 from 100: reached. Down to 40 from 80, ended at 55: missed.
    await inference.dataSource.query(kr, [reached, org, okrId, 100, 120, 125]);
    await inference.dataSource.query(kr, [missed, org, okrId, 80, 40, 55]);
    const entry = `INSERT INTO inference_prediction_ledger (organization_id, target_type, target_id, model, model_version, probability, as_of)
                   VALUES ($1, $2, $3, 'okr-achievement', 'okr-achievement-test', $4, '2026-02-15')`;
    await inference.dataSource.query(entry, [org, 'okr', okrId, 0.8]);
    await inference.dataSource.query(entry, [org, 'key-result', reached, 0.9]);
    await inference.dataSource.query(entry, [org, 'key-result', missed, 0.7]);
  });
  afterAll(async () => {
    await inference.dataSource.query('DELETE FROM okrs WHERE organization_id = $1', [org]);
    await inference.close();
  });

  const scored = () =>
    inference.dataSource.query<{ target_id: string; outcome: boolean | null; scored_at: Date | null }[]>(
      'SELECT target_id, outcome, scored_at FROM inference_prediction_ledger WHERE organization_id = $1 ORDER BY probability',
      [org],
    );

  it('scores predictions only once their OKR closes, each once, and exports quality computed from them', async () => {
    const scorer = inference.app.get(LedgerScorer);
    await scorer.tick();
    expect((await scored()).every((row) => row.outcome === null)).toBe(true);

    await inference.dataSource.query(`UPDATE okrs SET status = 'completed', final_score = 0.8 WHERE id = $1`, [okrId]);
    await scorer.tick();
    const first = await scored();
    expect(first.map((row) => [row.target_id, row.outcome])).toEqual([
      [missed, false],
      [okrId, true],
      [reached, true],
    ]);
    await scorer.tick();
    expect((await scored()).map((row) => row.scored_at?.getTime())).toEqual(
      first.map((row) => row.scored_at?.getTime()),
    );

    const metrics = await (await fetch(`${inference.url}/metrics`)).text();
    const model = { model: 'okr-achievement' };
    expect(sampleValue(metrics, 'ai_model_accuracy', model)).toBeCloseTo(2 / 3, 10);
    expect(sampleValue(metrics, 'ai_model_brier', model)).toBeCloseTo((0.04 + 0.01 + 0.49) / 3, 10);
    expect(sampleValue(metrics, 'ai_model_recall', model)).toBe(1);
    expect(sampleValue(metrics, 'ai_model_scored_predictions', model)).toBe(3);
  });
});
