// Inference benchmark (standalone: `node scripts/bench/inference.mjs`). Starts the built API and
// inference service on a private redis-server and the database qbm_bench_inference, then reports:
//  1. one OKR prediction API → queue → worker → API (cache defeated: a new as-of date per request)
//     against a bare BullMQ no-op round trip on the same Redis (goal ≤ 1.5×);
//  2. batch throughput, POST /predictions/batch of BENCH_BATCH key-result items until the poll says
//     completed, against the same model's raw in-process predict on the same items (goal ≥ 0.5×);
//  3. BENCH_OKRS (10,000) OKRs of three key results and twelve check-ins each, seeded by SQL, scored
//     through GET /okrs/{id}/prediction (features read from Postgres by the API, BENCH_OKR_CONCURRENCY
//     requests in flight, coalesced into jobs) against the same model's raw in-process predictOkr on
//     the same feature rows, read once from Postgres beforehand (and, between the two, that read
//     plus predict in process).
// The first run trains the base models (about a minute); later runs reuse the registry and MODEL_DIR.
import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { build, ensureInstalled, freePort, log, ROOT, run, until } from '../lib.mjs';

const SINGLES = Number(process.env.BENCH_SINGLES ?? 200);
// The API takes bodies up to 4 MB: about 4,000 of these items.
const BATCH = Number(process.env.BENCH_BATCH ?? 3000);
const OKRS = Number(process.env.BENCH_OKRS ?? 10_000);
const OKR_CONCURRENCY = Number(process.env.BENCH_OKR_CONCURRENCY ?? 64);
const PG = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const DATABASE_URL = `${PG}/qbm_bench_inference`;
const MODEL_DIR = process.env.BENCH_MODEL_DIR ?? join(homedir(), '.cache', 'qbm', 'bench-models');
const JWT_SECRET = 'b'.repeat(40);
const inferenceRequire = createRequire(join(ROOT, 'apps/inference/package.json'));

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

// OKRs, key results and check-ins for bulk scoring, straight into the API's tables (a fresh set each
// run: new ids, so no cached prediction).
async function seedOkrs(client, org, count) {
  await client.query("DELETE FROM okrs WHERE organization_id = $1 AND code LIKE 'BULK-%'", [org]);
  await client.query(
    `INSERT INTO okrs (organization_id, code, objective, period_type, period_start, period_end, owner, status)
     SELECT $1, 'BULK-' || g, 'Bulk objective ' || g, 'custom', '2025-01-01', '2025-12-31', 'bench', 'active'
       FROM generate_series(1, $2) g`,
    [org, count],
  );
  await client.query(
    `INSERT INTO key_results (organization_id, okr_id, statement, kr_type, baseline_value, target_value, current_value, weight, owner)
     SELECT o.organization_id, o.id, 'Bulk key result ' || k, 'metric', 10, 150, 10, k, 'bench'
       FROM okrs o CROSS JOIN generate_series(1, 3) k WHERE o.organization_id = $1 AND o.code LIKE 'BULK-%'`,
    [org],
  );
  await client.query(
    `INSERT INTO key_result_check_ins (organization_id, key_result_id, value, confidence, author, checked_in_at)
     SELECT kr.organization_id, kr.id, 10 + c * (2 + h % 7) + (h * 7 + c * 3) % 5, 0.4 + ((h + c) % 5) / 10.0, 'bench',
            timestamptz '2025-01-01 10:00:00Z' + (c * 14 + h % 5) * interval '1 day'
       FROM (SELECT kr.*, abs(hashtext(kr.id::text)::bigint) AS h FROM key_results kr JOIN okrs o ON o.id = kr.okr_id
              WHERE o.organization_id = $1 AND o.code LIKE 'BULK-%') kr
      CROSS JOIN generate_series(0, 11) c`,
    [org],
  );
  await client.query('ANALYZE okrs, key_results, key_result_check_ins');
  const { rows } = await client.query("SELECT id FROM okrs WHERE organization_id = $1 AND code LIKE 'BULK-%'", [org]);
  return rows.map((r) => r.id);
}

// The OKRs' key results with check-ins up to the end of `asOf`, as the API reads them, one query.
async function readOkrHistories(client, org, asOf) {
  const { rows } = await client.query(
    `SELECT kr.okr_id, kr.baseline_value, kr.target_value, kr.weight,
            to_char(o.period_start, 'YYYY-MM-DD') AS period_start, to_char(o.period_end, 'YYYY-MM-DD') AS period_end,
            (SELECT json_agg(json_build_object(
                      'checkedInAt', to_char(c.checked_in_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                      'value', c.value, 'confidence', c.confidence) ORDER BY c.checked_in_at, c.id)
               FROM key_result_check_ins c WHERE c.key_result_id = kr.id AND c.checked_in_at <= $2) AS check_ins
       FROM key_results kr JOIN okrs o ON o.id = kr.okr_id
      WHERE o.organization_id = $1 AND o.code LIKE 'BULK-%'
      ORDER BY kr.okr_id, kr.created_at, kr.id`,
    [org, `${asOf}T23:59:59.999Z`],
  );
  const byOkr = new Map();
  for (const r of rows) {
    const keyResults = byOkr.get(r.okr_id) ?? [];
    keyResults.push({
      baselineValue: r.baseline_value,
      targetValue: r.target_value,
      weight: r.weight,
      periodStart: r.period_start,
      periodEnd: r.period_end,
      checkIns: r.check_ins ?? [],
    });
    byOkr.set(r.okr_id, keyResults);
  }
  return [...byOkr.values()].map((keyResults) => ({ keyResults }));
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
    await until(
      'inference ready',
      async () => (await fetch(`http://127.0.0.1:${inferencePort}/health/ready`)).ok,
      300_000,
    );
    await until('api ready', async () => (await fetch(`http://127.0.0.1:${apiPort}/health/ready`)).ok, 300_000);

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

    // 3. Bulk OKR scoring with features from Postgres.
    const asOf = '2025-09-30';
    const { Client } = inferenceRequire('pg');
    const pg = new Client({ connectionString: DATABASE_URL });
    await pg.connect();
    let okrsPerSecond;
    let readAndPredictPerSecond;
    let rawOkrsPerSecond;
    try {
      log(`inference: seeding ${OKRS} OKRs (3 key results, 12 check-ins each) by SQL`);
      const okrIds = await seedOkrs(pg, 'bench', OKRS);
      let next = 0;
      let cachedAnswers = 0;
      started = performance.now();
      await Promise.all(
        Array.from({ length: OKR_CONCURRENCY }, async () => {
          while (next < okrIds.length) {
            const id = okrIds[next++];
            const reply = await api('GET', `/okrs/${id}/prediction?asOf=${asOf}`);
            const body = await reply.json();
            if (reply.status !== 200) throw new Error(`okr ${id}: ${reply.status} ${JSON.stringify(body)}`);
            if (body.cached) cachedAnswers += 1;
          }
        }),
      );
      okrsPerSecond = okrIds.length / ((performance.now() - started) / 1000);
      if (cachedAnswers > 0) log(`  note: ${cachedAnswers} answers came from the cache`);

      started = performance.now();
      const histories = await readOkrHistories(pg, 'bench', asOf);
      for (const okr of histories) served.model.predictOkr(okr, asOf);
      readAndPredictPerSecond = histories.length / ((performance.now() - started) / 1000);
      if (histories.length !== okrIds.length) throw new Error(`read ${histories.length} of ${okrIds.length} OKRs`);

      for (const okr of histories.slice(0, 200)) served.model.predictOkr(okr, asOf);
      started = performance.now();
      for (const okr of histories) served.model.predictOkr(okr, asOf);
      rawOkrsPerSecond = histories.length / ((performance.now() - started) / 1000);
    } finally {
      await pg.end();
    }

    log(`single prediction via API: ${singleMs.toFixed(2)} ms; bare BullMQ no-op round trip: ${bareMs.toFixed(2)} ms`);
    log(`  ratio ${(singleMs / bareMs).toFixed(2)}x (goal <= 1.5x)`);
    log(
      `batch of ${BATCH} via API: ${batchPerSecond.toFixed(0)} items/s; raw in-process predict: ${rawPerSecond.toFixed(0)} items/s`,
    );
    log(`  ratio ${(batchPerSecond / rawPerSecond).toFixed(2)}x (goal >= 0.5x)`);
    log(
      `${OKRS} OKRs via GET /okrs/{id}/prediction (features from Postgres, ${OKR_CONCURRENCY} in flight): ${okrsPerSecond.toFixed(0)} OKRs/s (${(OKRS / okrsPerSecond).toFixed(1)} s)`,
    );
    log(
      `  in process: Postgres read + predictOkr ${readAndPredictPerSecond.toFixed(0)} OKRs/s; raw predictOkr on the same rows ${rawOkrsPerSecond.toFixed(0)} OKRs/s`,
    );
    log(`  ratio ${(okrsPerSecond / rawOkrsPerSecond).toFixed(2)}x of raw predict`);
  } finally {
    stop();
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
