import { Client } from 'pg';
import { testDatabaseName, testDatabaseUrl } from '@qbm/testing';
import { runDoctor } from '../../../src/doctor/run-doctor';
import { doctorSettings, sectionOf, tableOf } from '../support/doctor-test-settings';
import { closedPort } from '../support/network-stand-ins';

const LOCK_KEY = 7_401_001;
// Tables of the spec's own, so the table sizes have something to show in a database no app migrated.
const TABLES = ['doctor_probe_objectives', 'doctor_probe_okrs'];

async function connect(): Promise<Client> {
  const client = new Client({ connectionString: testDatabaseUrl('cli') });
  await client.connect();
  return client;
}

describe('qbm doctor: Postgres', () => {
  let admin: Client;

  beforeAll(async () => {
    admin = await connect();
    for (const table of TABLES) await admin.query(`CREATE TABLE IF NOT EXISTS ${table} (id serial PRIMARY KEY)`);
  });
  afterAll(async () => {
    await admin.query(`DROP TABLE IF EXISTS ${TABLES.join(', ')}`);
    await admin.end();
  });

  it('reports activity, database statistics and table sizes, and warns about a session waiting on a lock', async () => {
    const holder = await connect();
    const waiter = await connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
      const waiting = waiter.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
      await waitUntil(async () => {
        const { rows } = await admin.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
        );
        return rows[0]?.n === 1;
      });

      const postgres = sectionOf(await runDoctor(doctorSettings()), 'postgres');

      const { rows } = await admin.query<{ server_version: string }>('SHOW server_version');
      expect(postgres.figures.server_version).toBe(rows[0]?.server_version);
      expect(postgres.figures.database).toBe(testDatabaseName('cli'));
      expect(postgres.figures.max_connections).toBeGreaterThan(0);
      expect(postgres.figures.connections_in_use).toBeGreaterThanOrEqual(4); // admin, holder, waiter and the doctor
      expect(postgres.figures.connections_in_database).toBeGreaterThanOrEqual(4);
      expect(postgres.figures.waiting_on_locks).toBe(1);
      expect(postgres.figures.longest_active_query).toContain('pg_advisory_lock');
      expect(postgres.figures.longest_active_query_duration_ms).toBeGreaterThanOrEqual(0);
      expect(postgres.figures.xact_commit).toBeGreaterThan(0);
      expect(postgres.figures.cache_hit_percent).toBeGreaterThan(0);
      expect(postgres.figures.cache_hit_percent).toBeLessThanOrEqual(100);
      expect(postgres.status).toBe('warn');
      expect(postgres.reason).toContain('1 session(s) waiting on locks');

      expect(tableOf(postgres, 'connections_by_state')).toEqual(
        expect.arrayContaining([{ state: 'active', count: expect.any(Number) }]),
      );
      const tables = new Map(tableOf(postgres, 'tables').map((row) => [row.table, row]));
      for (const name of TABLES) {
        // Even an empty table has its primary key's index pages.
        expect(tables.get(name)).toEqual(
          expect.objectContaining({ row_estimate: expect.any(Number), total_bytes: expect.any(Number) }),
        );
        expect(tables.get(name)?.total_bytes).toBeGreaterThan(0);
      }

      await holder.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
      await waiting;
    } finally {
      await holder.end();
      await waiter.end();
    }
  });

  it('says how to enable pg_stat_statements, and that an extension without the preload is not loaded', async () => {
    const { rows } = await admin.query<{ shared_preload_libraries: string }>('SHOW shared_preload_libraries');
    const preloaded = rows[0]?.shared_preload_libraries.includes('pg_stat_statements') ?? false;
    const installed = await admin.query("SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements'");
    if (installed.rowCount === 0) {
      const before = sectionOf(await runDoctor(doctorSettings()), 'postgres');
      expect(before.figures.pg_stat_statements).toBe(false);
      expect(before.notes.join('\n')).toMatch(
        /pg_stat_statements is not enabled.*shared_preload_libraries.*CREATE EXTENSION pg_stat_statements/,
      );
    }
    await admin.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    try {
      const after = sectionOf(await runDoctor(doctorSettings()), 'postgres');
      if (preloaded) {
        expect(after.figures.pg_stat_statements).toBe(true);
        expect(tableOf(after, 'slowest_statements').length).toBeGreaterThan(0);
      } else {
        expect(after.figures.pg_stat_statements).toBe(false);
        expect(after.notes.join('\n')).toMatch(/installed but not loaded .*shared_preload_libraries/);
      }
    } finally {
      if (installed.rowCount === 0) await admin.query('DROP EXTENSION pg_stat_statements');
    }
  });

  it('reports an unreachable Postgres as a failing section', async () => {
    const port = await closedPort();
    const report = await runDoctor(
      doctorSettings({ databaseUrl: `postgres://postgres@127.0.0.1:${port}/qbm_test_nowhere` }),
    );
    const postgres = sectionOf(report, 'postgres');
    expect(postgres.status).toBe('fail');
    expect(postgres.reason).toMatch(/^unreachable: .*ECONNREFUSED/);
    expect(report.status).toBe('fail');
  });
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
