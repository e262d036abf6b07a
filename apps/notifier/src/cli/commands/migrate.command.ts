import { DataSource } from 'typeorm';
import type { NotifierConfig } from '../../config/notifier.config';
import { dataSourceOptions } from '../../database/data-source-options';

// The notifier's tables only, under its own migrations table. Creates the database when it is
// missing (a fresh machine), then applies pending migrations.
export async function migrateCommand(config: NotifierConfig, log: (line: string) => void): Promise<void> {
  await ensureDatabaseExists(config.database.url, log);
  const dataSource = new DataSource(dataSourceOptions(config));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations();
    log(
      applied.length === 0
        ? 'migrate: schema is up to date'
        : `migrate: applied ${applied.map((m) => m.name).join(', ')}`,
    );
  } finally {
    await dataSource.destroy();
  }
}

async function ensureDatabaseExists(url: string, log: (line: string) => void): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(name)) return;
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const probe = new DataSource({ type: 'postgres', url: admin.toString() });
  try {
    await probe.initialize();
  } catch {
    return; // no access to the maintenance database: let the real connection report the problem
  }
  try {
    const rows: unknown[] = await probe.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rows.length === 0) {
      await probe.query(`CREATE DATABASE "${name}"`);
      log(`migrate: created database ${name}`);
    }
  } finally {
    await probe.destroy();
  }
}
