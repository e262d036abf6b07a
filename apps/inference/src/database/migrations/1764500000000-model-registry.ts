import type { MigrationInterface, QueryRunner } from 'typeorm';

// WARNING: applied migrations are immutable. Change the schema with a new migration, never by editing this one.
// The model registry: one row per trained version (its artifact lives in MODEL_DIR/<version>/), at
// most one promoted per model, and the promotion history that rollback walks back.
export class ModelRegistry1764500000000 implements MigrationInterface {
  name = 'ModelRegistry1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE inference_model_versions (
        version text PRIMARY KEY,
        model text NOT NULL CHECK (model IN ('okr-achievement', 'metric-forecast', 'metric-anomaly')),
        seed integer NOT NULL,
        -- The held-out score the promotion rule compares (lower is better when lower_is_better).
        score double precision NOT NULL,
        score_name text NOT NULL,
        lower_is_better boolean NOT NULL,
        metrics jsonb NOT NULL,
        card jsonb NOT NULL,
        promoted boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      'CREATE UNIQUE INDEX inference_model_versions_one_promoted ON inference_model_versions (model) WHERE promoted',
    );
    await q.query(`
      CREATE TABLE inference_promotions (
        id bigserial PRIMARY KEY,
        model text NOT NULL,
        version text NOT NULL REFERENCES inference_model_versions (version),
        action text NOT NULL CHECK (action IN ('promote', 'rollback', 'base')),
        reason text NOT NULL,
        promoted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX inference_promotions_by_model ON inference_promotions (model, id DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE inference_promotions');
    await q.query('DROP TABLE inference_model_versions');
  }
}
