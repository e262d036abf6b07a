import { openTestDataSource, testDatabaseUrl } from '@qbm/testing';
import type { TestApp } from '../../setup/test-app';

// The inference service's registry and ledger tables, as its migrations create them (the API only
// reads the registry and writes the ledger). Created when this database lacks them, dropped after.
const INFERENCE_TABLES = `
  CREATE TABLE inference_model_versions (
    version text PRIMARY KEY, model text NOT NULL, seed integer NOT NULL, score double precision NOT NULL,
    score_name text NOT NULL, lower_is_better boolean NOT NULL, metrics jsonb NOT NULL, card jsonb NOT NULL,
    promoted boolean NOT NULL DEFAULT false, created_at timestamptz NOT NULL DEFAULT now());
  CREATE TABLE inference_prediction_ledger (
    id bigserial PRIMARY KEY, organization_id varchar(63) NOT NULL, target_type text NOT NULL, target_id uuid NOT NULL,
    model text NOT NULL, model_version text NOT NULL, probability double precision NOT NULL, as_of date NOT NULL,
    served_at timestamptz NOT NULL DEFAULT now(), outcome boolean, scored_at timestamptz,
    UNIQUE (target_type, target_id, model_version, as_of))`;

export function useInferenceTables(t: TestApp): void {
  let created = false;
  beforeAll(async () => {
    const [found] = await t.dataSource.query<{ exists: boolean }[]>(
      "SELECT to_regclass('inference_prediction_ledger') IS NOT NULL AS exists",
    );
    if (!found?.exists) {
      await t.dataSource.query(INFERENCE_TABLES);
      created = true;
    }
  });
  // The app's afterAll (declared first) has closed its connection by now: drop on a connection of our own.
  afterAll(async () => {
    if (!created) return;
    const dataSource = await openTestDataSource({ type: 'postgres', url: testDatabaseUrl('api') });
    try {
      await dataSource.query('DROP TABLE inference_prediction_ledger, inference_model_versions');
    } finally {
      await dataSource.destroy();
    }
  });
}
