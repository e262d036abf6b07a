// API hot-path benchmark (`pnpm bench api`): the built API in production mode at its default log
// level against bare Fastify, both started by this script and loaded in the same run with autocannon
// (BENCH_CONNECTIONS connections, BENCH_SECONDS per round, BENCH_ROUNDS rounds whose order
// alternates; medians, ratios taken within each round). Baselines: bare Fastify serving the API's
// own 5-item list page from memory, and the same JSON read from Redis on each request. API paths: a cached GET by id, a cached list
// page, both again with the cached-read fast path off (CACHE_FAST_PATH=false), a cache miss served
// from Postgres (CACHE_ENABLED=false), and the cached GET with request
// instrumentation off. Each scenario also reports the server's CPU per request (from /proc), which
// other load on the machine disturbs less than requests per second, and its ratio to bare Fastify
// reading Redis, the ceiling for any read that goes to Redis. Then the cached GET, and bare Fastify
// reading Redis, at half of the cached GET's measured rate, paced evenly (paced-load.mjs), in
// BENCH_ROUNDS alternating runs each, for the p99 under a load the API can sustain.
// Needs Postgres (database qbm_bench, created if missing) and Redis (database 8, as the other benches).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { freePort, log, median, ROOT, startBuiltApi, stopper, waitReady } from '../lib.mjs';
import { API_ENV, cannon, CONNECTIONS, prepareApiBench, REDIS_URL } from './api-fixture.mjs';
import { pacedLoad } from './paced-load.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const appRequire = createRequire(join(ROOT, 'apps/api/package.json'));

// Bare Fastify in its own process, like the API: the page from memory, or read from Redis per request.
const BARE_SERVER = `
const fastify = require(process.env.FASTIFY_PATH)({ logger: false });
const Redis = require(process.env.IOREDIS_PATH);
const redis = new Redis(process.env.REDIS_URL);
const body = process.env.BODY;
const key = 'qbm:bench:bare-page';
fastify.get('/memory', (_request, reply) => { reply.type('application/json').send(body); });
fastify.get('/redis', async (_request, reply) => { reply.type('application/json'); return redis.get(key); });
fastify.get('/ready', async () => 'ok');
redis.set(key, body).then(() => fastify.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }));
`;

async function startBare(body) {
  const port = await freePort();
  const child = spawn(process.execPath, ['-e', BARE_SERVER], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PORT: String(port),
      BODY: body,
      REDIS_URL,
      FASTIFY_PATH: appRequire.resolve('fastify'),
      IOREDIS_PATH: appRequire.resolve('ioredis'),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitReady(`${base}/ready`, child);
  return { base, pid: child.pid, stop: stopper(child) };
}

async function paced(url, headers, rate) {
  const result = await pacedLoad({ url, headers, rate, seconds: SECONDS });
  if (result.failed > 0) throw new Error(`${url}: ${result.failed} failed requests at ${rate} req/s`);
  return result;
}

async function getJson(url, headers) {
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  return response.text();
}

async function main() {
  const { id, headers } = prepareApiBench();

  const stops = [];
  try {
    const api = await startBuiltApi(API_ENV);
    stops.push(api.stop);
    const apiBare = await startBuiltApi({
      ...API_ENV,
      REQUEST_INSTRUMENTATION: 'false',
    });
    stops.push(apiBare.stop);
    const apiNoCache = await startBuiltApi({
      ...API_ENV,
      CACHE_ENABLED: 'false',
    });
    stops.push(apiNoCache.stop);
    // Cache hits through Nest's whole pipeline: what the cached-read fast path saves.
    const apiNest = await startBuiltApi({
      ...API_ENV,
      CACHE_FAST_PATH: 'false',
    });
    stops.push(apiNest.stop);
    const page = await getJson(`${api.base}/api/v1/objectives?size=5`, headers);
    const bare = await startBare(page);
    stops.push(bare.stop);

    const scenarios = [
      { name: 'bare Fastify, JSON from memory', url: `${bare.base}/memory`, pid: bare.pid },
      { name: 'bare Fastify, JSON read from Redis', url: `${bare.base}/redis`, pid: bare.pid },
      {
        name: 'GET /api/v1/objectives/{id} (cached)',
        url: `${api.base}/api/v1/objectives/${id}`,
        headers,
        pid: api.pid,
      },
      {
        name: 'GET /api/v1/objectives?size=5 (cached)',
        url: `${api.base}/api/v1/objectives?size=5`,
        headers,
        pid: api.pid,
      },
      {
        name: 'GET /api/v1/objectives/{id} (cached, fast path off)',
        url: `${apiNest.base}/api/v1/objectives/${id}`,
        headers,
        pid: apiNest.pid,
      },
      {
        name: 'GET /api/v1/objectives?size=5 (cached, fast path off)',
        url: `${apiNest.base}/api/v1/objectives?size=5`,
        headers,
        pid: apiNest.pid,
      },
      {
        name: 'GET /api/v1/objectives/{id} (Postgres, cache off)',
        url: `${apiNoCache.base}/api/v1/objectives/${id}`,
        headers,
        pid: apiNoCache.pid,
      },
      {
        name: 'GET /api/v1/objectives/{id} (cached, instrumentation off)',
        url: `${apiBare.base}/api/v1/objectives/${id}`,
        headers,
        pid: apiBare.pid,
      },
    ];
    for (const scenario of scenarios) {
      scenario.rounds = [];
      await cannon(scenario.url, scenario.headers, WARMUP_SECONDS, scenario.pid); // JIT, pools, cache
    }
    for (let round = 0; round < ROUNDS; round += 1) {
      const order = round % 2 === 0 ? scenarios : [...scenarios].reverse();
      for (const scenario of order) {
        const figures = await cannon(scenario.url, scenario.headers, SECONDS, scenario.pid);
        scenario.rounds.push(figures);
        log(
          `round ${round + 1}: ${scenario.name}: ${figures.rps.toFixed(0)} req/s, p99 ${figures.p99} ms, ` +
            `${figures.cpuMicros.toFixed(0)} µs CPU/request`,
        );
      }
    }
    // Ratios are taken within each round, against the baseline measured moments apart, then the
    // median over rounds: other load on the machine drifts between rounds more than within one.
    const ratioTo = (scenario, baseline) => median(scenario.rounds.map((r, i) => r.rps / baseline.rounds[i].rps));
    const results = scenarios.map((scenario) => ({
      name: scenario.name,
      rps: median(scenario.rounds.map((r) => r.rps)),
      p50: median(scenario.rounds.map((r) => r.p50)),
      p99: median(scenario.rounds.map((r) => r.p99)),
      cpuMicros: median(scenario.rounds.map((r) => r.cpuMicros)),
      ratio: ratioTo(scenario, scenarios[0]),
      // The ceiling for any read that goes to Redis: bare Fastify doing just that read.
      ratioToRedis: ratioTo(scenario, scenarios[1]),
    }));

    const cached = results[2];
    const halfRate = Math.round(cached.rps / 2);
    // Only the two servers under test run during the paced runs: the other three APIs, idle, still
    // have their timers and connections, and on two cores that shows in a p99.
    for (const other of [apiBare, apiNoCache, apiNest]) await other.stop();
    // The API and, as the baseline, bare Fastify reading Redis, at the same steady rate, in
    // alternating order, ROUNDS times each: a single paced p99 on this kind of machine swings by
    // several times between runs (a stall of the VM lands in one run and not the next).
    const pacedRuns = { api: [], bareRedis: [] };
    for (let round = 0; round < ROUNDS; round += 1) {
      const pair = [
        ['api', scenarios[2].url, headers],
        ['bareRedis', scenarios[1].url, {}],
      ];
      for (const [key, url, runHeaders] of round % 2 === 0 ? pair : pair.reverse()) {
        pacedRuns[key].push(await paced(url, runHeaders, halfRate));
      }
    }
    const pacedSummary = (runs) => ({
      runs,
      p50: median(runs.map((r) => r.p50)),
      p99: median(runs.map((r) => r.p99)),
      p99Range: [Math.min(...runs.map((r) => r.p99)), Math.max(...runs.map((r) => r.p99))],
      max: Math.max(...runs.map((r) => r.max)),
    });
    const atHalf = pacedSummary(pacedRuns.api);
    const bareAtHalf = pacedSummary(pacedRuns.bareRedis);
    const range = ({ p99Range: [low, high] }) => `${low.toFixed(1)} to ${high.toFixed(1)} ms`;
    const instrumentationOff = scenarios.find((s) => s.name.endsWith('(cached, instrumentation off)'));
    const instrumentationRatio = ratioTo(scenarios[2], instrumentationOff);

    const rows = results.map(
      (r) =>
        `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ` +
        `${r.cpuMicros.toFixed(0)} µs | ${r.ratio.toFixed(2)}× | ${r.ratioToRedis.toFixed(2)}× |`,
    );
    process.stdout.write(
      [
        '',
        `| path | req/s | p50 | p99 | server CPU per request | req/s vs bare Fastify | vs bare Fastify reading Redis |`,
        '|---|---|---|---|---|---|---|',
        ...rows,
        '',
        `Paced at half the cached GET's rate (${halfRate} req/s, evenly spaced, ${ROUNDS} runs each, medians): ` +
          `cached GET p50 ${atHalf.p50.toFixed(1)} ms, p99 ${atHalf.p99.toFixed(1)} ms (runs ${range(atHalf)}), ` +
          `max ${atHalf.max.toFixed(1)} ms; bare Fastify reading Redis p50 ${bareAtHalf.p50.toFixed(1)} ms, ` +
          `p99 ${bareAtHalf.p99.toFixed(1)} ms (runs ${range(bareAtHalf)}), max ${bareAtHalf.max.toFixed(1)} ms.`,
        `Instrumentation on/off (cached GET): ${instrumentationRatio.toFixed(3)}.`,
        `${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${SECONDS} s, medians.`,
        '',
      ].join('\n'),
    );
    process.stdout.write(
      `${JSON.stringify(
        {
          connections: CONNECTIONS,
          seconds: SECONDS,
          rounds: ROUNDS,
          results,
          halfLoad: { rate: halfRate, api: atHalf, bareRedis: bareAtHalf },
          instrumentationRatio,
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}

main().catch((error) => {
  process.stderr.write(`bench: ${error.stack ?? error}\n`);
  process.exit(1);
});
