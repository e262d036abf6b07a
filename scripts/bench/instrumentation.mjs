// Instrumentation and paging benchmark (`pnpm bench instrumentation`), ratios from one run.
//  1. instrumentation: requests/s of the built API with per-request and per-query instrumentation
//     on vs off (REQUEST_INSTRUMENTATION), modes interleaved, same data, same load; also the API
//     process's CPU per request (from /proc), which other jobs on the machine disturb less.
//  2. paging: a deep page by offset vs the same page by cursor.
// Needs Postgres and Redis; uses its own database (qbm_bench) and Redis database 8.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { build, cpuSeconds, ensureInstalled, log, median, ROOT, startBuiltApi } from '../lib.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 3000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const PG = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const env = {
  PATH: process.env.PATH,
  NODE_ENV: 'production',
  METRICS_TOKEN: randomBytes(16).toString('hex'),
  DATABASE_URL: `${PG}/qbm_bench`,
  REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/8',
  JWT_SECRET: randomBytes(32).toString('hex'),
  LOG_LEVEL: 'warn',
  RATE_LIMIT_PER_MINUTE: '100000000',
};
const cli = join(ROOT, 'apps/cli/dist/main.js');

function cliRun(args) {
  const result = spawnSync(process.execPath, [cli, ...args], { env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`qbm ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

// A closed-loop load: CONCURRENCY workers issue REQUESTS requests in total; returns requests/s.
async function load(url, headers) {
  let next = 0;
  let failures = 0;
  const worker = async () => {
    while (next < REQUESTS) {
      next += 1;
      const response = await fetch(url, { headers });
      await response.arrayBuffer();
      if (!response.ok) failures += 1;
    }
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (failures > 0) throw new Error(`${failures} failed requests against ${url}`);
  return REQUESTS / seconds;
}

async function json(base, method, path, token, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function main() {
  ensureInstalled();
  build(['@qbm/api...', '@qbm/cli...']);
  cliRun(['migrate']);
  const token = cliRun(['token', '--org', 'bench', '--role', 'admin']);
  const headers = { authorization: `Bearer ${token}` };

  // Data: 20,000 objectives for the paging benchmark; inserted through SQL for speed.
  const seeded = spawnSync(
    'psql',
    [
      `${PG}/qbm_bench`,
      '-v',
      'ON_ERROR_STOP=1',
      '-qc',
      `
    DELETE FROM strategic_objectives WHERE organization_id = 'bench';
    INSERT INTO strategic_objectives (organization_id, name, objective_type, priority, created_at)
    SELECT 'bench', 'Objective ' || g, 'strategic_goal', 1 + g % 10, now() - g * interval '1 second'
    FROM generate_series(1, 20000) g;
    ANALYZE strategic_objectives;`,
    ],
    { stdio: 'inherit' },
  );
  if (seeded.status !== 0) throw new Error('could not fill qbm_bench with the paging data (psql failed)');

  const scenarios = [
    ['GET one objective (Redis cache hit)', (base, id) => `${base}/api/v1/objectives/${id}`, {}],
    [
      'GET a page of 20 (Postgres, cache off)',
      (base) => `${base}/api/v1/objectives?size=20&sort=createdAt`,
      { CACHE_ENABLED: 'false' },
    ],
  ];
  const results = [];
  for (const [name, url, extra] of scenarios) {
    const rps = { on: [], off: [] };
    const cpu = { on: [], off: [] };
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const mode of round % 2 === 0 ? ['off', 'on'] : ['on', 'off']) {
        const api = await startBuiltApi({
          ...env,
          ...extra,
          REQUEST_INSTRUMENTATION: mode === 'on' ? 'true' : 'false',
        });
        try {
          const page = await json(api.base, 'GET', '/api/v1/objectives?size=1', token);
          const target = url(api.base, page.data[0].id);
          await load(target, headers); // warm-up: JIT, pools, cache
          const cpuBefore = cpuSeconds(api.pid);
          rps[mode].push(await load(target, headers));
          cpu[mode].push(((cpuSeconds(api.pid) - cpuBefore) / REQUESTS) * 1e6);
        } finally {
          await api.stop();
        }
      }
    }
    const on = median(rps.on);
    const off = median(rps.off);
    const cpuOn = median(cpu.on);
    const cpuOff = median(cpu.off);
    results.push({
      name,
      off,
      on,
      ratio: on / off,
      cpuUsPerRequest: { off: cpuOff, on: cpuOn },
      cpuRatio: cpuOn / cpuOff,
    });
    log(
      `${name}: CPU per request off ${cpuOff.toFixed(0)} µs, on ${cpuOn.toFixed(0)} µs, on/off ${(cpuOn / cpuOff).toFixed(3)} (the API process's CPU, medians)`,
    );
    log(
      `${name}: off ${off.toFixed(0)} req/s, on ${on.toFixed(0)} req/s, on/off ${(on / off).toFixed(3)} (${ROUNDS} rounds, medians)`,
    );
  }

  // Paging: page 900 of 20 by offset vs by cursor, same rows, cache off, instrumentation on.
  const api = await startBuiltApi({
    ...env,
    CACHE_ENABLED: 'false',
  });
  try {
    const sortQuery = 'size=20&sort=createdAt&order=desc';
    const before = await json(api.base, 'GET', `/api/v1/objectives?${sortQuery}&page=899`, token);
    const offsetPage = await json(api.base, 'GET', `/api/v1/objectives?${sortQuery}&page=900`, token);
    const cursorPage = await json(
      api.base,
      'GET',
      `/api/v1/objectives?${sortQuery}&cursor=${before.meta.nextCursor}`,
      token,
    );
    if (JSON.stringify(offsetPage.data.map((o) => o.id)) !== JSON.stringify(cursorPage.data.map((o) => o.id))) {
      throw new Error('offset and cursor paging disagree on page 900');
    }
    // Offset paging also counts the total, as its response promises; the cursor response does not.
    const offsetRps = await load(`${api.base}/api/v1/objectives?${sortQuery}&page=900`, headers);
    const cursorRps = await load(
      `${api.base}/api/v1/objectives?${sortQuery}&cursor=${before.meta.nextCursor}`,
      headers,
    );
    results.push({
      name: 'page 900 of 20: cursor vs offset',
      off: offsetRps,
      on: cursorRps,
      ratio: cursorRps / offsetRps,
    });
    log(
      `page 900 of 20: offset ${offsetRps.toFixed(0)} req/s, cursor ${cursorRps.toFixed(0)} req/s, cursor/offset ${(cursorRps / offsetRps).toFixed(2)}`,
    );
  } finally {
    await api.stop();
  }
  process.stdout.write(
    `${JSON.stringify({ requests: REQUESTS, concurrency: CONCURRENCY, rounds: ROUNDS, results }, null, 2)}\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`bench: ${error.stack ?? error}\n`);
  process.exit(1);
});
