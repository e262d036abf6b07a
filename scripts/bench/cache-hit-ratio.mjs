// Read-cache benchmark (`pnpm bench cache-hit-ratio`), figures from one run of the built API in
// production mode.
//  1. hit ratio: 8 clients read objectives, north-star metrics and OKRs by id, ids drawn from a Zipf
//     law (s = 1.1) over 1,000 of each, after a warm-up; reads only, then 1 PATCH per 100 reads (the
//     PATCHed id drawn from the same law). Ratios from cache_hits_total / cache_misses_total on /metrics.
//  2. outage: Postgres made unreachable through a TCP proxy for OUTAGE_S seconds under reads and
//     creates: status counts before, during and after, cached answers labelled stale, error-log lines,
//     acknowledged creates read back from Postgres.
// Needs Postgres and Redis; uses its own database (qbm_bench), organisation and Redis database 8.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, ensureInstalled, freePort, log, ROOT, startBuiltApi } from '../lib.mjs';

const IDS = 1000;
const CLIENTS = 8;
const ZIPF_S = 1.1;
const WRITE_EVERY = 101; // 1 PATCH per 100 reads
const READS = Number(process.env.BENCH_CACHE_READS ?? 10_000);
const WARM_UP_READS = Number(process.env.BENCH_CACHE_WARM_UP ?? 5_000);
const OUTAGE_S = Number(process.env.BENCH_OUTAGE_S ?? 12);
const ORG = 'bench-cache';
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 5432);
const PG = process.env.BENCH_PG_URL ?? `postgres://postgres@127.0.0.1:${PG_PORT}`;
const env = {
  PATH: process.env.PATH,
  NODE_ENV: 'production',
  METRICS_TOKEN: randomBytes(16).toString('hex'),
  DATABASE_URL: `${PG}/qbm_bench`,
  REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/8',
  JWT_SECRET: randomBytes(32).toString('hex'),
  LOG_LEVEL: 'info',
  RATE_LIMIT_PER_MINUTE: '100000000',
};
const cli = join(ROOT, 'apps/cli/dist/main.js');
// pg is the API's own dependency; the bench reads acknowledged rows back with it, and cuts Postgres
// with the tests' own proxy (stop() refuses new connections and drops open ones).
const apiRequire = createRequire(join(ROOT, 'apps/api/package.json'));
const { Client } = apiRequire('pg');
const { TcpProxy } = apiRequire('@qbm/testing');

function cliRun(args) {
  const result = spawnSync(process.execPath, [cli, ...args], { env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`qbm ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

// P(rank k) ∝ 1 / k^s over k = 1..n; a draw is a binary search of the cumulative weights.
function zipf(n, s) {
  const cumulative = [];
  let total = 0;
  for (let k = 1; k <= n; k += 1) cumulative.push((total += 1 / k ** s));
  return () => {
    const u = Math.random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

async function request(base, method, path, token, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text };
}

async function json(base, method, path, token, body) {
  const response = await request(base, method, path, token, body);
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${response.body}`);
  return JSON.parse(response.body);
}

async function inParallel(count, task) {
  let next = 0;
  const results = new Array(count);
  const worker = async () => {
    while (next < count) {
      const i = next++;
      results[i] = await task(i);
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, worker));
  return results;
}

const RESOURCES = [
  {
    type: 'objectives',
    path: '/api/v1/objectives',
    create: (i) => ({ name: `Cached objective ${i}`, type: 'strategic_goal', priority: 1 + (i % 10) }),
    patch: (n) => ({ priority: 1 + (n % 10) }),
  },
  {
    type: 'metrics',
    path: '/api/v1/north-star-metrics',
    create: (i) => ({
      name: `Cached metric ${i}`,
      type: 'engagement',
      direction: 'increase',
      baselineValue: 0,
      targetValue: 100 + i,
      frequency: 'daily',
    }),
    patch: (n) => ({ name: `Cached metric, edit ${n}` }),
  },
  {
    type: 'okrs',
    path: '/api/v1/okrs',
    create: (i) => ({
      objective: `Cached OKR ${i}`,
      periodType: 'quarterly',
      periodStart: '2026-01-01',
      periodEnd: '2026-03-31',
      owner: 'bench',
      keyResults: [{ statement: 'Grow', type: 'metric', baselineValue: 0, targetValue: 100, owner: 'bench' }],
    }),
    patch: (n) => ({ objective: `Cached OKR, edit ${n}` }),
  },
];

async function cacheCounts(base, type) {
  const response = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${env.METRICS_TOKEN}` } });
  const text = await response.text();
  const value = (name) => Number(new RegExp(`^${name}\\{cache_type="${type}"\\} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
  return { hits: value('cache_hits_total'), misses: value('cache_misses_total') };
}

// READS reads by id from CLIENTS clients, and a PATCH after every 100 reads when `writes` is set.
async function mix(base, token, resource, ids, reads, writes) {
  const draw = zipf(ids.length, ZIPF_S);
  const total = writes ? reads + Math.floor(reads / (WRITE_EVERY - 1)) : reads;
  let failures = 0;
  await inParallel(total, async (n) => {
    const id = ids[draw()];
    const write = writes && n % WRITE_EVERY === WRITE_EVERY - 1;
    const response = write
      ? await request(base, 'PATCH', `${resource.path}/${id}`, token, resource.patch(n))
      : await request(base, 'GET', `${resource.path}/${id}`, token);
    if (response.status !== 200) failures += 1;
  });
  if (failures > 0) throw new Error(`${failures} failed requests on ${resource.type}`);
}

async function hitRatio(base, token, resource, ids, writes) {
  const before = await cacheCounts(base, resource.type);
  await mix(base, token, resource, ids, READS, writes);
  const after = await cacheCounts(base, resource.type);
  const hits = after.hits - before.hits;
  const misses = after.misses - before.misses;
  return { hits, misses, ratio: hits / (hits + misses) };
}

async function seed(base, token, db) {
  await db.query('DELETE FROM okrs WHERE organization_id = $1', [ORG]);
  await db.query('DELETE FROM north_star_metrics WHERE organization_id = $1', [ORG]);
  await db.query('DELETE FROM strategic_objectives WHERE organization_id = $1', [ORG]);
  const ids = {};
  for (const resource of RESOURCES) {
    const created = await inParallel(IDS, (i) => json(base, 'POST', resource.path, token, resource.create(i)));
    ids[resource.type] = created.map((item) => item.id);
  }
  return ids;
}

async function hitRatios(token, db) {
  const api = await startBuiltApi(env);
  try {
    log(`cache-hit-ratio: creating ${IDS} objectives, metrics and OKRs`);
    const ids = await seed(api.base, token, db);
    const results = [];
    for (const resource of RESOURCES) {
      await mix(api.base, token, resource, ids[resource.type], WARM_UP_READS, false);
      const readsOnly = await hitRatio(api.base, token, resource, ids[resource.type], false);
      const withWrites = await hitRatio(api.base, token, resource, ids[resource.type], true);
      results.push({ type: resource.type, readsOnly, withWrites });
      log(
        `${resource.type}: hit ratio reads only ${readsOnly.ratio.toFixed(3)}, with 1 PATCH per 100 reads ${withWrites.ratio.toFixed(3)}`,
      );
    }
    return { ids, results };
  } finally {
    await api.stop();
  }
}

// Reads of cached objectives plus creates, before, during and after Postgres is unreachable.
async function outage(token, db, objectiveIds) {
  const proxyPort = await freePort();
  const proxy = new TcpProxy(proxyPort, PG_PORT);
  await proxy.start();
  const logDir = mkdtempSync(join(tmpdir(), 'qbm-bench-outage-'));
  const api = await startBuiltApi({
    ...env,
    DATABASE_URL: `${PG.replace(`:${PG_PORT}`, `:${proxyPort}`)}/qbm_bench`,
    LOG_DIR: logDir,
  });
  const phases = { before: {}, during: {}, after: {} };
  const acknowledged = [];
  let phase = 'before';
  const stale = { before: 0, during: 0, after: 0 };
  let running = true;
  const draw = zipf(objectiveIds.length, ZIPF_S);
  const count = (status) => (phases[phase][status] = (phases[phase][status] ?? 0) + 1);
  const client = async (worker) => {
    for (let n = 0; running; n += 1) {
      if (n % 10 === 9) {
        const response = await request(api.base, 'POST', '/api/v1/objectives', token, {
          name: `Outage write ${worker}-${n}`,
          type: 'value',
          priority: 1,
        });
        count(response.status);
        if (response.status === 201) acknowledged.push(JSON.parse(response.body).id);
      } else {
        const response = await request(api.base, 'GET', `/api/v1/objectives/${objectiveIds[draw()]}`, token);
        count(response.status);
        if (response.headers.get('x-cache') === 'stale') stale[phase] += 1;
      }
    }
  };
  const readiness = { during: {} };
  try {
    const clients = Array.from({ length: CLIENTS }, (_, worker) => client(worker));
    await new Promise((r) => setTimeout(r, 4_000));
    phase = 'during';
    await proxy.stop();
    const until = Date.now() + OUTAGE_S * 1000;
    while (Date.now() < until) {
      const ready = (await fetch(`${api.base}/health/ready`).catch(() => ({ status: 'unreachable' }))).status;
      readiness.during[ready] = (readiness.during[ready] ?? 0) + 1;
      await new Promise((r) => setTimeout(r, 1000));
    }
    await proxy.start();
    phase = 'after';
    await new Promise((r) => setTimeout(r, 4_000));
    running = false;
    await Promise.all(clients);
  } finally {
    running = false;
    await api.stop();
    await proxy.stop().catch(() => undefined);
  }
  const errorLog = join(logDir, 'error.log');
  const errorLines = existsSync(errorLog) ? readFileSync(errorLog, 'utf8').split('\n').filter(Boolean) : [];
  rmSync(logDir, { recursive: true, force: true });
  const stored = await db.query('SELECT count(*)::int AS n FROM strategic_objectives WHERE id = ANY($1::uuid[])', [
    acknowledged,
  ]);
  const result = {
    seconds: OUTAGE_S,
    statuses: phases,
    staleLabelledReads: stale,
    readinessDuringOutage: readiness.during,
    errorLogLines: errorLines.length,
    errorLogMessages: errorLines.map((line) => JSON.parse(line).msg),
    acknowledgedCreates: acknowledged.length,
    readBack: stored.rows[0].n,
  };
  log(
    `outage ${OUTAGE_S} s: during ${JSON.stringify(phases.during)} (stale-labelled ${stale.during}; ${stale.after} more before the first query succeeded), after ${JSON.stringify(phases.after)}, error-log lines ${errorLines.length}, acknowledged creates ${acknowledged.length}, read back ${result.readBack}`,
  );
  return result;
}

async function main() {
  ensureInstalled();
  build(['@qbm/api...', '@qbm/cli...', '@qbm/testing...']);
  // The API's own migrations: this bench needs no other service built.
  const migrated = spawnSync(process.execPath, [join(ROOT, 'apps/api/dist/cli/main.js'), 'migrate'], {
    env,
    encoding: 'utf8',
  });
  if (migrated.status !== 0) throw new Error(`api migrate: ${migrated.stderr}`);
  const token = cliRun(['token', '--org', ORG, '--role', 'admin']);
  const db = new Client({ connectionString: env.DATABASE_URL });
  await db.connect();
  try {
    const { ids, results } = await hitRatios(token, db);
    const outageResult = await outage(token, db, ids.objectives);
    process.stdout.write(
      `${JSON.stringify(
        {
          ids: IDS,
          clients: CLIENTS,
          zipfS: ZIPF_S,
          reads: READS,
          warmUpReads: WARM_UP_READS,
          writes: '1 PATCH per 100 reads',
          hitRatio: results,
          outage: outageResult,
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await db.end();
  }
}

main().catch((error) => {
  process.stderr.write(`bench: ${error.stack ?? error}\n`);
  process.exit(1);
});
