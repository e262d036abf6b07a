import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { ensureDatabase, testDatabaseUrl } from './test-database';

// Once per run: create the test database if needed and bring the notifier's tables up to date.
export default async function globalSetup(): Promise<void> {
  await ensureDatabase();
  const dataSource = new DataSource(
    dataSourceOptions({ database: { url: testDatabaseUrl(), poolMax: 2, slowQueryMs: 100 } }),
  );
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
  } finally {
    await dataSource.destroy();
  }
}
