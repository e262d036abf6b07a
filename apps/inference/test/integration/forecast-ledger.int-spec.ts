import { randomUUID } from 'node:crypto';
import { sampleValue } from '@qbm/testing';
import { LedgerScorer } from '../../src/quality/ledger-scorer.service';
import { startTestInference, type TestInference } from '../setup/test-inference';

// The columns of the API's metric_values table the scorer reads; created here when this database has
// only the inference service's tables (each package has its own test database in CI).
const METRIC_VALUES = `CREATE TABLE IF NOT EXISTS metric_values (
  metric_id uuid NOT NULL, measured_on date NOT NULL, organization_id varchar(63) NOT NULL,
  value double precision NOT NULL, PRIMARY KEY (metric_id, measured_on))`;

describe('forecast ledger', () => {
  let inference: TestInference;
  const org = `forecast-${randomUUID().slice(0, 8)}`;
  const metricId = randomUUID();

  beforeAll(async () => {
    inference = await startTestInference();
    await inference.dataSource.query(METRIC_VALUES);
    // A forecast served from 2026-03-01 for the next three days.
    for (const [date, forecast] of [
      ['2026-03-02', 110],
      ['2026-03-03', 90],
      ['2026-03-04', 100],
    ] as const) {
      await inference.dataSource.query(
        `INSERT INTO inference_forecast_ledger (organization_id, metric_id, model, model_version, origin, target_date, forecast)
         VALUES ($1, $2, 'metric-forecast', 'metric-forecast-test', '2026-03-01', $3, $4)`,
        [org, metricId, date, forecast],
      );
    }
  });
  afterAll(async () => {
    await inference.dataSource.query('DELETE FROM inference_forecast_ledger WHERE organization_id = $1', [org]);
    await inference.dataSource.query('DELETE FROM metric_values WHERE organization_id = $1', [org]);
    await inference.close();
  });

  const actual = (date: string, value: number, organizationId = org) =>
    inference.dataSource.query(
      'INSERT INTO metric_values (metric_id, measured_on, organization_id, value) VALUES ($1, $2, $3, $4)',
      [metricId, date, organizationId, value],
    );
  const ledger = () =>
    inference.dataSource.query<{ target_date: string; actual: number | null; scored_at: Date | null }[]>(
      `SELECT to_char(target_date, 'YYYY-MM-DD') AS target_date, actual, scored_at FROM inference_forecast_ledger
        WHERE organization_id = $1 ORDER BY target_date`,
      [org],
    );
  const mape = async () =>
    sampleValue(await (await fetch(`${inference.url}/metrics`)).text(), 'ai_model_mape', { model: 'metric-forecast' });

  it('scores a forecast point once its actual value arrives, once, and exports MAPE from scored points only', async () => {
    const scorer = inference.app.get(LedgerScorer);
    await scorer.tick();
    expect((await ledger()).every((row) => row.actual === null)).toBe(true);

    // The first two dates arrive; the third does not yet.
    await actual('2026-03-02', 100);
    await actual('2026-03-03', 100);
    await scorer.tick();
    const first = await ledger();
    expect(first.map((row) => [row.target_date, row.actual])).toEqual([
      ['2026-03-02', 100],
      ['2026-03-03', 100],
      ['2026-03-04', null],
    ]);
    // |100 − 110| / 100 and |100 − 90| / 100.
    expect(await mape()).toBeCloseTo(0.1, 10);

    // Scored once: a second tick leaves the scored rows as they were.
    await scorer.tick();
    expect((await ledger()).map((row) => row.scored_at?.getTime())).toEqual(
      first.map((row) => row.scored_at?.getTime()),
    );

    // The last date arrives at 125: errors 0.1, 0.1, 0.2.
    await actual('2026-03-04', 125);
    await scorer.tick();
    expect(await mape()).toBeCloseTo(0.4 / 3, 10);
  });
});
