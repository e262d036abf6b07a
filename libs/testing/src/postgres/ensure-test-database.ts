import { Client } from 'pg';
import { assertTestDatabaseName, databaseNameOf } from './test-database-name';

// Creates the test database a URL names when it is missing (a fresh machine or a new package).
export async function ensureTestDatabase(url: string): Promise<void> {
  const name = databaseNameOf(url);
  assertTestDatabaseName(name);
  if (!/^[a-z0-9_]+$/.test(name))
    throw new Error(`Test database name "${name}" must be lower-case letters, digits and underscores`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    // Two packages' global setups may race on a fresh server: "already exists" means done.
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${name}`).catch(ignoreDuplicate);
  } finally {
    await client.end();
  }
}

function ignoreDuplicate(error: unknown): void {
  if ((error as { code?: unknown }).code !== '42P04') throw error;
}
