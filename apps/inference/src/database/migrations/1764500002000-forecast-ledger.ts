import type { MigrationInterface, QueryRunner } from 'typeorm';

// WARNING: applied migrations are immutable. Change the schema with a new migration, never by editing this one.
// The forecast side of the quality ledger: every point of a served forecast (written by the API), scored
// when the metric's actual value for that date arrives. One row per metric, version, origin and date:
// a re-read or a cache hit is the same forecast.
export class ForecastLedger1764500002000 implements MigrationInterface {
  name = 'ForecastLedger1764500002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE inference_forecast_ledger (
        id bigserial PRIMARY KEY,
        organization_id varchar(63) NOT NULL,
        metric_id uuid NOT NULL,
        model text NOT NULL,
        model_version text NOT NULL,
        origin date NOT NULL,
        target_date date NOT NULL,
        forecast double precision NOT NULL,
        served_at timestamptz NOT NULL DEFAULT now(),
        actual double precision,
        scored_at timestamptz,
        UNIQUE (metric_id, model_version, origin, target_date)
      )`);
    await q.query(
      'CREATE INDEX inference_forecast_ledger_unscored ON inference_forecast_ledger (metric_id, target_date) WHERE actual IS NULL',
    );
    await q.query(
      'CREATE INDEX inference_forecast_ledger_scored ON inference_forecast_ledger (model, scored_at) WHERE actual IS NOT NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE inference_forecast_ledger');
  }
}
