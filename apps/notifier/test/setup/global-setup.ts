import { migrateTestDatabase, testDatabaseUrl } from '@qbm/testing';
import { dataSourceOptions } from '../../src/database/data-source-options';

// Once per run (integration and e2e share it): create qbm_test_notifier if needed and bring the
// notifier's tables up to date.
export default function globalSetup(): Promise<void> {
  return migrateTestDatabase(
    dataSourceOptions({ database: { url: testDatabaseUrl('notifier'), poolMax: 2, slowQueryMs: 100 } }),
  );
}
