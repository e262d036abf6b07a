import { DataSource } from 'typeorm';

export const POSTGRES_PORT = 5432;
// Each worktree or CI job names its own database; the default keeps "test" in the name.
export const TEST_DATABASE = process.env.QBM_TEST_DATABASE ?? 'test';
// The Redis database index these tests may write to on the shared server (never 0).
export const TEST_REDIS_DB = Number(process.env.QBM_TEST_REDIS_DB ?? '9');

// Refuses anything but a test database: these tests create tables and sleep on connections.
export function testDataSource(port = POSTGRES_PORT, poolMax = 4, database = TEST_DATABASE): DataSource {
  if (!database.includes('test')) throw new Error(`refusing database "${database}": its name must contain "test"`);
  return new DataSource({
    type: 'postgres',
    host: '127.0.0.1',
    port,
    username: 'postgres',
    database,
    extra: { max: poolMax, connectionTimeoutMillis: 2_000 },
  });
}
