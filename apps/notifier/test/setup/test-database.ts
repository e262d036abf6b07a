import { Client } from 'pg';

// Integration tests own a database of their own; a name without "test" in it is refused,
// so a stray DATABASE_URL can never point the truncating helpers at real data.
export function testDatabaseName(): string {
  const name = process.env.QBM_TEST_DATABASE ?? 'qbm_test';
  if (!/test/i.test(name))
    throw new Error(`Refusing to run tests against database "${name}": its name must contain "test"`);
  if (!/^[a-z0-9_]+$/.test(name))
    throw new Error(`Test database name "${name}" must be lower-case letters, digits and underscores`);
  return name;
}

export function testServerUrl(): string {
  return process.env.QBM_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
}

export function testDatabaseUrl(): string {
  return `${testServerUrl()}/${testDatabaseName()}`;
}

export function testRedisUrl(): string {
  return process.env.QBM_TEST_REDIS_URL ?? `redis://127.0.0.1:6379/${process.env.QBM_TEST_REDIS_DB ?? '9'}`;
}

export async function ensureDatabase(): Promise<void> {
  const name = testDatabaseName();
  const admin = new Client({ connectionString: `${testServerUrl()}/postgres` });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
}
