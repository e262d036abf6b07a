import type { DataSourceOptions } from 'typeorm';
import { ensureTestDatabase } from './ensure-test-database';
import { openTestDataSource } from './open-test-data-source';

// Jest runs a project's globalSetup once per project, and the API has two (integration, e2e) on one
// database: the databases already migrated in this process are remembered on the global object,
// which outlives the module registry jest gives each setup file.
const MIGRATED = Symbol.for('qbm.testing.migratedDatabases');
type Remembered = typeof globalThis & { [MIGRATED]?: Set<string> };

// Once per run: create the database if needed and bring it to the latest migration.
export async function migrateTestDatabase(options: DataSourceOptions): Promise<void> {
  const url = 'url' in options ? options.url : undefined;
  if (typeof url !== 'string') throw new Error('migrateTestDatabase needs options with a url');
  const remembered = ((globalThis as Remembered)[MIGRATED] ??= new Set<string>());
  if (remembered.has(url)) return;
  await ensureTestDatabase(url);
  const dataSource = await openTestDataSource({ ...options, synchronize: false, migrationsRun: false });
  try {
    await dataSource.runMigrations();
  } finally {
    await dataSource.destroy();
  }
  remembered.add(url);
}
