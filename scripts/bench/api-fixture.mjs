// What `pnpm bench api` and the A/B script share: the built API's production environment (Postgres
// database qbm_bench, Redis database 8), the schema migrated, 50 objectives of one organisation
// seeded once, a viewer token for it, and a load that measures the server's CPU per request.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { build, cpuSeconds, ensureInstalled, ROOT } from '../lib.mjs';

const PG = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/8';
const ORG = 'bench-api';
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

// No LOG_LEVEL: the API logs at its production default, one line per request.
export const API_ENV = {
  PATH: process.env.PATH,
  NODE_ENV: 'production',
  METRICS_TOKEN: randomBytes(16).toString('hex'),
  DATABASE_URL: `${PG}/qbm_bench`,
  REDIS_URL,
  JWT_SECRET: randomBytes(32).toString('hex'),
  // High enough never to reject, so every request still pays for its count.
  RATE_LIMIT_PER_MINUTE: '100000000',
};

function cliRun(cli, args) {
  const result = spawnSync(process.execPath, [join(ROOT, cli), ...args], { env: API_ENV, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`qbm ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

function psql(database, sql) {
  const result = spawnSync('psql', [`${PG}/${database}`, '-v', 'ON_ERROR_STOP=1', '-Aqtc', sql], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`psql: ${result.stderr}`);
  return result.stdout.trim();
}

// -> { id: an objective's id, headers: the viewer's authorization header }
export function prepareApiBench() {
  ensureInstalled();
  build(['@qbm/api...', '@qbm/cli...']);
  // The API's own migrate creates the database if missing; the notifier's tables are not needed.
  cliRun('apps/api/dist/cli/main.js', ['migrate']);
  // Seeded once and kept: SQL bypasses the API's cache invalidation, so rows replaced under a warm
  // cache would leave cached pages naming ids that no longer exist.
  psql(
    'qbm_bench',
    `INSERT INTO strategic_objectives (organization_id, name, objective_type, priority, created_at)
     SELECT '${ORG}', 'Objective ' || g, 'strategic_goal', 1 + g % 10, now() - g * interval '1 second'
     FROM generate_series(1, 50) g
     WHERE NOT EXISTS (SELECT 1 FROM strategic_objectives WHERE organization_id = '${ORG}');`,
  );
  const id = psql('qbm_bench', `SELECT id FROM strategic_objectives WHERE organization_id = '${ORG}' LIMIT 1`);
  const token = cliRun('apps/cli/dist/main.js', ['token', '--org', ORG, '--role', 'viewer']);
  return { id, headers: { authorization: `Bearer ${token}` } };
}

// autocannon on `url` for `seconds` (BENCH_CONNECTIONS connections), with the CPU the process `pid`
// used per request; any error or non-2xx answer fails the bench.
export async function cannon(url, headers, seconds, pid) {
  const cpuBefore = cpuSeconds(pid);
  const result = await autocannon({ url, headers, connections: CONNECTIONS, duration: seconds });
  const cpuMicros = ((cpuSeconds(pid) - cpuBefore) / result.requests.total) * 1e6;
  if (result.errors > 0 || result.non2xx > 0) {
    const statuses = JSON.stringify(result.statusCodeStats);
    throw new Error(`${url}: ${result.errors} errors, ${result.non2xx} non-2xx responses (statuses ${statuses})`);
  }
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, cpuMicros };
}
