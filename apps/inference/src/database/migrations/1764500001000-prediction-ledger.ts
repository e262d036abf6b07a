import type { MigrationInterface, QueryRunner } from 'typeorm';

// WARNING: applied migrations are immutable. Change the schema with a new migration, never by editing this one.
// The quality ledger: every OKR and key-result prediction served (written by the API), scored by the
// outcome once its OKR closes. One row per target, version and as-of day: a re-read or a cache hit
// is the same prediction, so nothing is stored or scored twice.
export class PredictionLedger1764500001000 implements MigrationInterface {
  name = 'PredictionLedger1764500001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE inference_prediction_ledger (
        id bigserial PRIMARY KEY,
        organization_id varchar(63) NOT NULL,
        target_type text NOT NULL CHECK (target_type IN ('okr', 'key-result')),
        target_id uuid NOT NULL,
        model text NOT NULL,
        model_version text NOT NULL,
        probability double precision NOT NULL CHECK (probability >= 0 AND probability <= 1),
        as_of date NOT NULL,
        served_at timestamptz NOT NULL DEFAULT now(),
        outcome boolean,
        scored_at timestamptz,
        UNIQUE (target_type, target_id, model_version, as_of)
      )`);
    await q.query(
      'CREATE INDEX inference_prediction_ledger_unscored ON inference_prediction_ledger (target_id) WHERE outcome IS NULL',
    );
    await q.query(
      'CREATE INDEX inference_prediction_ledger_scored ON inference_prediction_ledger (model, scored_at) WHERE outcome IS NOT NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE inference_prediction_ledger');
  }
}
