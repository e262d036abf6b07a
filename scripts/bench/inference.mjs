// Inference benchmark (standalone: `node scripts/bench/inference.mjs`). Starts the built API and
// inference service on a private redis-server and the database qbm_bench_inference, then reports:
//  1. one OKR prediction API → queue → worker → API (cache defeated: a new as-of date per request)
//     against a bare BullMQ no-op round trip on the same Redis (goal ≤ 1.5×);
//  2. batch throughput, POST /predictions/batch of BENCH_BATCH key-result items until the poll says
//     completed, against the same model's raw in-process predict on the same items (goal ≥ 0.5×).
// The first run trains the base models (about a minute); later runs reuse the registry and MODEL_DIR.
import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer as createNetServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { build, ensureInstalled, log, ROOT, run } from '../lib.mjs';

const SINGLES = Number(process.env.BENCH_SINGLES ?? 200);
// The API takes bodies up to 4 MB: about 4,000 of these items.
const BATCH = Number(process.env.BENCH_BATCH ?? 3000);
const PG = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const DATABASE_URL = `${PG}/qbm_bench_inference`;
const MODEL_DIR = process.env.BENCH_MODEL_DIR ?? join(homedir(), '.cache', 'qbm', 'bench-models');
const JWT_SECRET = 'b'.repeat(40);
const inferenceRequire = createRequire(join(ROOT, 'apps/inference/package.json'));

const freePort = () =>
  new Promise((resolve) => {
    const server = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

async function until(what, probe, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const day = (offset) => new Date(Date.UTC(2025, 0, 1 + offset)).toISOString().slice(0, 10);

// One key result's history as the API builds it: a year-long period, fortnightly check-ins.
function history(i) {
  const checkIns = Array.from({ length: 12 }, (_, k) => ({
    checkedInAt: `${day(k * 14 + (i % 5))}T10:00:00.000Z`,
    value: 10 + k * (2 + (i % 7)) + ((i * 7 + k * 3) % 5),
    confidence: 0.4 + ((i + k) % 5) / 10,
  }));
  return { baselineValue: 10, targetValue: 150, periodStart: '2025-01-01', periodEnd: '2025-12-31', checkIns };
}

async function bareRoundTrip(connection) {
  const { Queue, QueueEvents, Worker } = inferenceRequire('bullmq');
  const name = 'bench-noop';
  const queue = new Queue(name, { connection });
  const events = new QueueEvents(name, { connection });
  const worker = new Worker(name, async () => ({ ok: true }), { connection });
  await Promise.all([events.waitUntilReady(), worker.waitUntilReady()]);
  for (let i = 0; i < 20; i += 1) await (await queue.add('noop', { i })).waitUntilFinished(events, 10_000);
  const started = performance.now();
  for (let i = 0; i < SINGLES; i += 1) await (await queue.add('noop', { i })).waitUntilFinished(events, 10_000);
  const mean = (performance.now() - started) / SINGLES;
  await Promise.all([worker.close(), events.close(), queue.close()]);
  return mean;
}

async function main() {
  ensureInstalled();
  build(['@qbm/api...', '@qbm/inference...', '@qbm/cli...']);
  const redisPort = await freePort();
  const redis = spawn('redis-server', ['--port', String(redisPort), '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const [apiPort, inferencePort] = [await freePort(), await freePort()];
  const env = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    DATABASE_URL,
    REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    JWT_SECRET,
    METRICS_TOKEN: 'm'.repeat(24),
    LOG_LEVEL: 'warn',
    API_PORT: String(apiPort),
    INFERENCE_PORT: String(inferencePort),
    MODEL_DIR,
    RATE_LIMIT_PER_MINUTE: '1000000',
  };
  run(process.execPath, [join(ROOT, 'apps/api/dist/cli/main.js'), 'migrate'], { env, stdio: 'ignore' });
  run(process.execPath, [join(ROOT, 'apps/inference/dist/cli/main.js'), 'migrate'], { env, stdio: 'ignore' });
  const children = [redis];
  const stop = () => children.forEach((child) => child.kill('SIGTERM'));
  process.on('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));
  try {
    for (const entry of ['apps/inference/dist/main.js', 'apps/api/dist/main.js']) {
      children.push(spawn(process.execPath, [join(ROOT, entry)], { env, stdio: ['ignore', 'ignore', 'inherit'] }));
    }
    log('inference: waiting for the models (the first run trains them)');
    await until('inference ready', async () => (await fetch(`http://127.0.0.1:${inferencePort}/health/ready`)).ok);
    await until('api ready', async () => (await fetch(`http://127.0.0.1:${apiPort}/health/ready`)).ok);

    const token = execFileSync(
      process.execPath,
      [join(ROOT, 'apps/cli/dist/main.js'), 'token', '--org', 'bench', '--role', 'admin'],
      {
        env,
        encoding: 'utf8',
      },
    )
      .trim()
      .split('\n')
      .at(-1);
    const api = (method, path, body) =>
      fetch(`http://127.0.0.1:${apiPort}/api/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });

    // One OKR with two key results and their check-ins, through the API itself.
    const created = await (
      await api('POST', '/okrs', {
        objective: 'Benchmark objective',
        periodType: 'custom',
        periodStart: '2025-01-01',
        periodEnd: '2025-12-31',
        owner: 'bench',
        keyResults: [0, 1].map((i) => ({
          statement: `Bench key result ${i}`,
          type: 'metric',
          baselineValue: 10,
          targetValue: 150,
          owner: 'bench',
        })),
      })
    ).json();
    if (!created.id) throw new Error(`could not create the benchmark OKR: ${JSON.stringify(created)}`);
    await api('POST', `/okrs/${created.id}/activate`, {});
    for (const [i, kr] of created.keyResults.entries()) {
      for (const c of history(i).checkIns) {
        await api('POST', `/key-results/${kr.id}/check-ins`, {
          value: c.value,
          confidence: c.confidence,
          checkedInAt: c.checkedInAt,
        });
      }
    }

    const connection = { host: '127.0.0.1', port: redisPort };
    const bareMs = await bareRoundTrip(connection);
    for (let i = 0; i < 20; i += 1) await api('GET', `/okrs/${created.id}/prediction?asOf=${day(300 + i)}`);
    let started = performance.now();
    for (let i = 0; i < SINGLES; i += 1) {
      const reply = await api('GET', `/okrs/${created.id}/prediction?asOf=${day(i)}`);
      const body = await reply.json();
      if (reply.status !== 200 || body.cached)
        throw new Error(`prediction ${i}: ${reply.status} ${JSON.stringify(body)}`);
    }
    const singleMs = (performance.now() - started) / SINGLES;

    const items = Array.from({ length: BATCH }, (_, i) => ({
      kind: 'key-result',
      id: `kr-${i}`,
      asOf: day(30 + (i % 300)),
      history: history(i),
    }));
    started = performance.now();
    const submitted = await api('POST', '/predictions/batch', { items });
    const { jobId } = await submitted.json();
    if (submitted.status !== 202) throw new Error(`batch refused: ${submitted.status}`);
    let state = '';
    while (state !== 'completed') {
      const polled = await api('GET', `/predictions/batch/${jobId}`);
      const body = await polled.json();
      state = body.state;
      if (polled.status !== 200 || state === 'failed')
        throw new Error(`the batch failed: ${polled.status} ${JSON.stringify(body)}`);
      if (state !== 'completed') await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const batchPerSecond = BATCH / ((performance.now() - started) / 1000);

    const { activateBackend } = inferenceRequire('./dist/backend/tfjs-backend.js');
    const { loadServedModel } = inferenceRequire('./dist/serving/loaded-models.js');
    await activateBackend(process.env.TFJS_BACKEND ?? 'wasm');
    const versions = await (await api('GET', '/models/okr-achievement')).json();
    const served = await loadServedModel('okr-achievement', MODEL_DIR, versions[0].live);
    const queries = items.map((item) => ({ history: item.history, asOf: item.asOf }));
    served.model.predictKeyResults(queries.slice(0, 200));
    started = performance.now();
    served.model.predictKeyResults(queries);
    const rawPerSecond = BATCH / ((performance.now() - started) / 1000);

    log(`single prediction via API: ${singleMs.toFixed(2)} ms; bare BullMQ no-op round trip: ${bareMs.toFixed(2)} ms`);
    log(`  ratio ${(singleMs / bareMs).toFixed(2)}x (goal <= 1.5x)`);
    log(
      `batch of ${BATCH} via API: ${batchPerSecond.toFixed(0)} items/s; raw in-process predict: ${rawPerSecond.toFixed(0)} items/s`,
    );
    log(`  ratio ${(batchPerSecond / rawPerSecond).toFixed(2)}x (goal >= 0.5x)`);
  } finally {
    stop();
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
