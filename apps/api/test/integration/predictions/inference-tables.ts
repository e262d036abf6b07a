import { openTestDataSource, testDatabaseUrl } from '@qbm/testing';
import type { TestApp } from '../../setup/test-app';

// The inference service's registry and ledger tables, as its migrations create them (the API only
// reads the registry and writes the ledgers). Each is created when this database lacks it, dropped after.
const INFERENCE_TABLES: Record<string, string> = {
  inference_model_versions: `CREATE TABLE inference_model_versions (
    version text PRIMARY KEY, model text NOT NULL, seed integer NOT NULL, score double precision NOT NULL,
    score_name text NOT NULL, lower_is_better boolean NOT NULL, metrics jsonb NOT NULL, card jsonb NOT NULL,
    promoted boolean NOT NULL DEFAULT false, created_at timestamptz NOT NULL DEFAULT now())`,
  inference_prediction_ledger: `CREATE TABLE inference_prediction_ledger (
    id bigserial PRIMARY KEY, organization_id varchar(63) NOT NULL, target_type text NOT NULL, target_id uuid NOT NULL,
    model text NOT NULL, model_version text NOT NULL, probability double precision NOT NULL, as_of date NOT NULL,
    served_at timestamptz NOT NULL DEFAULT now(), outcome boolean, scored_at timestamptz,
    UNIQUE (target_type, target_id, model_version, as_of))`,
  inference_forecast_ledger: `CREATE TABLE inference_forecast_ledger (
    id bigserial PRIMARY KEY, organization_id varchar(63) NOT NULL, metric_id uuid NOT NULL, model text NOT NULL,
    model_version text NOT NULL, origin date NOT NULL, target_date date NOT NULL, forecast double precision NOT NULL,
    served_at timestamptz NOT NULL DEFAULT now(), actual double precision, scored_at timestamptz,
    UNIQUE (metric_id, model_version, origin, target_date))`,
};

export function useInferenceTables(t: TestApp): void {
  const created: string[] = [];
  beforeAll(async () => {
    for (const [table, ddl] of Object.entries(INFERENCE_TABLES)) {
      const [found] = await t.dataSource.query<{ exists: boolean }[]>('SELECT to_regclass($1) IS NOT NULL AS exists', [
        table,
      ]);
      if (found?.exists) continue;
      await t.dataSource.query(ddl);
      created.push(table);
    }
  });
  // The app's afterAll (declared first) has closed its connection by now: drop on a connection of our own.
  afterAll(async () => {
    if (created.length === 0) return;
    const dataSource = await openTestDataSource({ type: 'postgres', url: testDatabaseUrl('api') });
    try {
      await dataSource.query(`DROP TABLE ${created.join(', ')}`);
    } finally {
      await dataSource.destroy();
    }
  });
}
