import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  migrateTestDatabase,
  openTestDataSource,
  testDatabaseUrl,
  TestTargetRefusedError,
  testPostgresServerUrl,
} from '../../src';

let applied = 0;

class CreateMigrationProbe1700000000000 implements MigrationInterface {
  name = 'CreateMigrationProbe1700000000000';
  async up(q: QueryRunner): Promise<void> {
    applied += 1;
    await q.query('CREATE TABLE IF NOT EXISTS testing_migration_probe (id int PRIMARY KEY)');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE testing_migration_probe');
  }
}

describe('migrateTestDatabase', () => {
  const url = testDatabaseUrl('testing');
  const options = {
    type: 'postgres' as const,
    url,
    migrations: [CreateMigrationProbe1700000000000],
    migrationsTableName: 'testing_schema_migrations',
  };

  afterAll(async () => {
    const dataSource = await openTestDataSource({ type: 'postgres', url });
    await dataSource.query('DROP TABLE IF EXISTS testing_migration_probe, testing_schema_migrations');
    await dataSource.destroy();
  });

  it('migrates once per run: a second call in the same process does not even connect', async () => {
    await migrateTestDatabase(options);
    const dataSource = await openTestDataSource({ type: 'postgres', url });
    try {
      const rows: unknown[] = await dataSource.query('SELECT 1 FROM testing_schema_migrations');
      expect(rows).toHaveLength(1);
      await dataSource.query('DELETE FROM testing_schema_migrations');
      await migrateTestDatabase(options);
      expect(await dataSource.query('SELECT 1 FROM testing_schema_migrations')).toHaveLength(0);
      expect(applied).toBeLessThanOrEqual(1);
    } finally {
      await dataSource.destroy();
    }
  });

  it('refuses a database without "test" in its name before creating or migrating anything', async () => {
    await expect(
      migrateTestDatabase({ ...options, url: `${testPostgresServerUrl()}/qbm_migrate_probe` }),
    ).rejects.toThrow(TestTargetRefusedError);
  });
});
