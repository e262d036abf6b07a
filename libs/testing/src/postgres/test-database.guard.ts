import type { DataSource } from 'typeorm';
import { TestTargetRefusedError } from '../test-target-refused.error';
import { assertTestDatabaseName } from './test-database-name';

// Asks the server which database the connection really is on: whatever DATABASE_URL or
// QBM_TEST_DATABASE said, a connection to a database without "test" in its name is refused.
export async function assertTestDatabase(dataSource: Pick<DataSource, 'query'>): Promise<string> {
  const rows: unknown = await dataSource.query('SELECT current_database() AS name');
  const name = Array.isArray(rows) ? (rows[0] as { name?: unknown } | undefined)?.name : undefined;
  if (typeof name !== 'string') throw new TestTargetRefusedError('Refusing a connection whose database is unknown');
  assertTestDatabaseName(name);
  return name;
}
