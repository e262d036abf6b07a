import { DataSource } from 'typeorm';

export const POSTGRES_PORT = 5432;
export const TEST_DATABASE = 'test';

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
