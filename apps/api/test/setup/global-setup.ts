import { migrateTestDatabase, testDatabaseUrl } from '@qbm/testing';
import { dataSourceOptions } from '../../src/database/data-source-options';

// Once per run (the integration and e2e projects share it): create qbm_test_api if needed and
// bring it to the latest migration.
export default function globalSetup(): Promise<void> {
  return migrateTestDatabase(
    dataSourceOptions({ database: { url: testDatabaseUrl('api'), poolMax: 2, slowQueryMs: 100 } }),
  );
}
