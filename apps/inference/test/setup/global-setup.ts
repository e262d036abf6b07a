import { migrateTestDatabase, testDatabaseUrl } from '@qbm/testing';
import { dataSourceOptions } from '../../src/database/data-source-options';

// Once per run: create qbm_test_inference if needed and bring the registry tables up to date.
export default function globalSetup(): Promise<void> {
  return migrateTestDatabase(
    dataSourceOptions({ database: { url: testDatabaseUrl('inference'), poolMax: 2, slowQueryMs: 100 } }),
  );
}
