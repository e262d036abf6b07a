// `pnpm chaos`: faults under load, bounded (about two to three minutes once the models exist). The
// built API, notifier and two inference workers run against a private Redis (AOF on, as compose
// runs it) that this script kills, and the shared Postgres through a TCP proxy it cuts. A mixed load
// runs throughout: writes and reads on the API, prediction batches, alerts posted to the notifier's
// webhook. Meanwhile, one after the other: Redis is killed and restarted; Postgres is cut and
// restored; an inference worker is killed mid-batch and restarted; the notifier is killed
// mid-delivery and restarted. Then the load stops, everything accepted is given time to finish, and a
// table reports what was lost, how long each service took to be ready again, and the watchdogs'
// restarts. Exit 1 when a goal is missed.
//
// Needs Postgres (database qbm_chaos, created if missing; CHAOS_PG_URL) and redis-server on the PATH.
// The inference workers' models are trained once into .qbm/chaos-models (CHAOS_MODEL_DIR), about a
// minute, and reused by later runs. Not part of `pnpm test`.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { alertmanagerWebhook, build, ensureInstalled, log, ROOT, run, until } from './lib.mjs';

const PG = new URL(process.env.CHAOS_PG_URL ?? 'postgres://postgres@127.0.0.1:5432');
const DATABASE = 'qbm_chaos';
const MODEL_DIR = process.env.CHAOS_MODEL_DIR ?? join(ROOT, '.qbm', 'chaos-models');
// Time between faults, and how long each dependency stays away.
const PHASE_MS = Number(process.env.CHAOS_PHASE_MS ?? 20_000);
const OUTAGE_MS = Number(process.env.CHAOS_OUTAGE_MS ?? 5_000);
// Once the load stops: how long accepted work may take to finish.
const DRAIN_MS = Number(process.env.CHAOS_DRAIN_MS ?? 60_000);
const READY_GOAL_SECONDS = 5;
const JWT_SECRET = 'chaos-secret-chaos-secret-chaos-secret!';
const METRICS_TOKEN = 'chaos-metrics-token';
const WEBHOOK_TOKEN = 'chaos-webhook-token-0123456789';
const ORGANIZATION = `chaos-${Date.now().toString(36)}`;

ensureInstalled();
build(['@qbm/api', '@qbm/notifier', '@qbm/inference', '@qbm/testing', '@qbm/http']);
const toolRequire = createRequire(join(ROOT, 'tools/suite-e2e/package.json'));
const { TcpProxy, SmtpSink, freePort } = toolRequire('@qbm/testing');
const { TokenService } = toolRequire('@qbm/http');
const { Queue, QueueEvents } = createRequire(join(ROOT, 'libs/queues/package.json'))('bullmq');

const tokens = new TokenService({ secret: JWT_SECRET, issuer: 'qbm', audience: 'qbm-api' });
const bearer = (role) =>
  `Bearer ${tokens.sign({ organizationId: ORGANIZATION, role, subject: `${role}@${ORGANIZATION}` })}`;
const EDITOR = bearer('editor');
const VIEWER = bearer('viewer');

// ---------------------------------------------------------------- the parts

// redis-server with AOF (fsync always) on a directory of its own: a SIGKILL loses nothing acknowledged.
class AofRedis {
  constructor(port, dir) {
    this.port = port;
    this.dir = dir;
    this.child = undefined;
  }
  get url() {
    return `redis://127.0.0.1:${this.port}/0`;
  }
  async start() {
    this.child = spawn(
      'redis-server',
      [
        ...['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--save', ''],
        ...['--appendonly', 'yes', '--appendfsync', 'always'],
      ],
      { stdio: 'ignore' },
    );
    const child = this.child;
    child.once('exit', () => {
      if (this.child === child) this.child = undefined;
    });
    await until('redis-server to answer PING', () => ping(this.port), 10_000);
  }
  async kill() {
    const child = this.child;
    if (!child) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }
}

function ping(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => socket.write('PING\r\n'));
    socket.setTimeout(1_000, () => socket.destroy());
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
    socket.once('close', () => resolve(false));
  });
}

// Slack's incoming webhook: records every message and answers after `delayMs` (a slow Slack keeps
// deliveries in flight, so the notifier can be killed in the middle of one).
function slackStandIn() {
  const slack = { texts: [], inFlight: 0, delayMs: 0, url: '' };
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', async () => {
      slack.inFlight += 1;
      await sleep(slack.delayMs);
      slack.inFlight -= 1;
      if (response.destroyed) return;
      try {
        slack.texts.push(JSON.parse(Buffer.concat(chunks).toString('utf8')).text ?? '');
      } catch {
        slack.texts.push('');
      }
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  slack.server = server;
  return slack;
}

// A built service as operators run it, restartable on the same port.
class Service {
  constructor(name, entry, prefix, port, env) {
    Object.assign(this, { name, entry, prefix, port, env, child: undefined, output: [] });
  }
  get url() {
    return `http://127.0.0.1:${this.port}`;
  }
  start() {
    this.child = spawn(process.execPath, [join(ROOT, this.entry)], {
      cwd: ROOT,
      env: { ...this.env, [`${this.prefix}_HOST`]: '127.0.0.1', [`${this.prefix}_PORT`]: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk) => {
      this.output.push(chunk.toString());
      if (this.output.length > 200) this.output.shift();
    };
    this.child.stdout.on('data', keep);
    this.child.stderr.on('data', keep);
  }
  async ready() {
    const response = await fetch(`${this.url}/health/ready`, { signal: AbortSignal.timeout(1_000) }).catch(() => null);
    return response?.ok === true;
  }
  async kill(signal = 'SIGKILL') {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  }
  // The sum of a counter over its series in /metrics.
  async counter(name) {
    const response = await fetch(`${this.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    const text = await response.text();
    return text
      .split('\n')
      .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
      .reduce((sum, line) => sum + Number(line.trim().split(/\s+/).at(-1)), 0);
  }
}

// Seconds from `since` until the service answers ready (polled every 100 ms).
async function readyAfter(service, since, timeoutMs = 60_000) {
  await until(`${service.name} to be ready`, () => service.ready(), timeoutMs).catch((error) => {
    throw new Error(`${error.message}; its output: ${service.output.join('').slice(-2000)}`);
  });
  return (performance.now() - since) / 1000;
}

// ---------------------------------------------------------------- the load

// A batch of key-result predictions (the load posts 20; the worker kill waits on a batch of 10,000).
function predictionItems(count) {
  return Array.from({ length: count }, (_, i) => ({
    kind: 'key-result',
    id: `kr-${i}`,
    asOf: '2026-02-15',
    history: {
      baselineValue: 0,
      targetValue: 100,
      periodStart: '2026-01-01',
      periodEnd: '2026-03-31',
      checkIns: [{ checkedInAt: '2026-02-01T10:00:00Z', value: (i % 25) * 4, confidence: 0.6 }],
    },
  }));
}

const ledger = {
  writes: { acknowledged: [], failed: 0 },
  reads: { ok: 0, failed: 0 },
  predictions: { accepted: [], failed: 0 },
  alerts: { accepted: [], failed: 0 },
};

async function call(url, init = {}) {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(5_000) });
  } catch {
    return null;
  }
}

function startLoad({ api, notifier }) {
  let running = true;
  const loop = async (intervalMs, step) => {
    while (running) {
      await step();
      await sleep(intervalMs);
    }
  };
  const json = (authorization) => ({ authorization, 'content-type': 'application/json' });
  let writeCount = 0;
  let alertCount = 0;
  const loops = [
    loop(100, async () => {
      const response = await call(`${api.url}/api/v1/objectives`, {
        method: 'POST',
        headers: json(EDITOR),
        body: JSON.stringify({ name: `Chaos objective ${writeCount++}`, type: 'strategic_goal', priority: 3 }),
      });
      if (response?.status === 201) ledger.writes.acknowledged.push((await response.json()).id);
      else ledger.writes.failed += 1;
    }),
    loop(100, async () => {
      const response = await call(`${api.url}/api/v1/objectives?size=5`, { headers: { authorization: VIEWER } });
      if (response?.ok) ledger.reads.ok += 1;
      else ledger.reads.failed += 1;
    }),
    loop(250, async () => {
      const items = predictionItems(20);
      const response = await call(`${api.url}/api/v1/predictions/batch`, {
        method: 'POST',
        headers: json(EDITOR),
        body: JSON.stringify({ items }),
      });
      if (response?.status === 202) ledger.predictions.accepted.push((await response.json()).jobId);
      else ledger.predictions.failed += 1;
    }),
    loop(1_500, async () => {
      const alertname = `Chaos${String(alertCount++).padStart(5, '0')}`;
      const response = await call(`${notifier.url}/api/v1/alerts/alertmanager`, {
        method: 'POST',
        headers: json(`Bearer ${WEBHOOK_TOKEN}`),
        body: JSON.stringify(
          alertmanagerWebhook({
            alertname,
            severity: 'warning',
            description: 'pnpm chaos',
            startsAt: new Date().toISOString(),
            fingerprint: alertCount.toString(16).padStart(16, '0'),
          }),
        ),
      });
      if (response?.ok) ledger.alerts.accepted.push(alertname);
      else ledger.alerts.failed += 1;
    }),
  ];
  return async () => {
    running = false;
    await Promise.all(loops);
  };
}

// ---------------------------------------------------------------- the run

const cleanup = [];
async function main() {
  const psql = (sql, database = 'postgres') =>
    spawnSync(
      'psql',
      ['-h', PG.hostname, '-p', PG.port || '5432', '-U', PG.username || 'postgres', '-tAc', sql, database],
      {
        encoding: 'utf8',
      },
    );
  if (!psql(`SELECT 1 FROM pg_database WHERE datname = '${DATABASE}'`).stdout.includes('1'))
    run('psql', [
      '-h',
      PG.hostname,
      '-p',
      PG.port || '5432',
      '-U',
      PG.username || 'postgres',
      '-qc',
      `CREATE DATABASE ${DATABASE}`,
      'postgres',
    ]);
  const directUrl = new URL(PG);
  directUrl.pathname = `/${DATABASE}`;

  const redisDir = mkdtempSync(join(tmpdir(), 'qbm-chaos-redis-'));
  cleanup.push(() => rmSync(redisDir, { recursive: true, force: true }));
  const redis = new AofRedis(await freePort(), redisDir);
  await redis.start();
  cleanup.push(() => redis.kill());

  const database = new TcpProxy(await freePort(), Number(PG.port || 5432), PG.hostname);
  await database.start();
  cleanup.push(() => database.stop());
  const proxiedUrl = new URL(directUrl);
  proxiedUrl.hostname = '127.0.0.1';
  proxiedUrl.port = String(database.port);

  const slack = slackStandIn();
  await new Promise((resolve) => slack.server.listen(0, '127.0.0.1', resolve));
  slack.url = `http://127.0.0.1:${slack.server.address().port}/services/chaos`;
  cleanup.push(() => new Promise((resolve) => slack.server.close(resolve)));
  const smtp = await SmtpSink.start();
  cleanup.push(() => smtp.stop());

  const base = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    DATABASE_URL: proxiedUrl.toString(),
    REDIS_URL: redis.url,
    JWT_SECRET,
    METRICS_TOKEN,
    LOG_LEVEL: 'error',
  };
  for (const cli of ['apps/api/dist/cli/main.js', 'apps/notifier/dist/cli/main.js', 'apps/inference/dist/cli/main.js'])
    run(process.execPath, [join(ROOT, cli), 'migrate'], {
      env: { ...base, DATABASE_URL: directUrl.toString() },
      stdio: ['ignore', 'ignore', 'inherit'],
    });

  mkdirSync(MODEL_DIR, { recursive: true });
  const inferenceEnv = { ...base, MODEL_DIR, INFERENCE_REGISTRY_POLL_MS: '5000' };
  const api = new Service('api', 'apps/api/dist/main.js', 'API', await freePort(), {
    ...base,
    RATE_LIMIT_PER_MINUTE: '1000000',
  });
  const notifier = new Service('notifier', 'apps/notifier/dist/main.js', 'NOTIFIER', await freePort(), {
    ...base,
    NOTIFIER_WEBHOOK_TOKEN: WEBHOOK_TOKEN,
    SLACK_WEBHOOK_URL: slack.url,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_SECURE: 'false',
    ALERT_EMAIL_TO: 'oncall@example.test',
    NOTIFIER_RETRY_DELAY_MS: '200',
    NOTIFIER_SEND_TIMEOUT_MS: '5000',
  });
  const workers = [1, 2].map(
    async (n) =>
      new Service(`inference-${n}`, 'apps/inference/dist/main.js', 'INFERENCE', await freePort(), inferenceEnv),
  );
  const [inference1, inference2] = await Promise.all(workers);
  const services = [api, notifier, inference1, inference2];
  cleanup.push(() => Promise.all(services.map((service) => service.kill('SIGTERM'))));

  // The first worker trains the base models into MODEL_DIR if this database has none (once).
  log(`chaos: starting the services (the first run trains the inference models into ${MODEL_DIR})`);
  inference1.start();
  await until('inference-1 to be ready (training on a first run)', () => inference1.ready(), 600_000);
  for (const service of [api, notifier, inference2]) service.start();
  for (const service of services) await until(`${service.name} to be ready`, () => service.ready(), 60_000);

  const connection = { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null };
  const predictions = new Queue('predictions', { connection });
  const events = new QueueEvents('predictions', { connection });
  await events.waitUntilReady();
  const completions = new Map();
  events.on('completed', ({ jobId }) => completions.set(jobId, (completions.get(jobId) ?? 0) + 1));
  cleanup.push(() => events.close());
  cleanup.push(() => predictions.close());

  const started = performance.now();
  log(`chaos: load on, a fault every ${PHASE_MS / 1000} s`);
  const stopLoad = startLoad({ api, notifier });
  const ready = []; // [fault, service, seconds, whether it said not ready while the dependency was away]
  const measure = async (fault, list, since, downDuring = new Set()) => {
    for (const [service, seconds] of await Promise.all(
      list.map(async (service) => [service, await readyAfter(service, since)]),
    ))
      ready.push([fault, service.name, seconds, downDuring.has(service.name)]);
  };
  // Which services answer "not ready" now (sampled at the end of an outage).
  const notReady = async () =>
    new Set(
      (await Promise.all(services.map(async (service) => [service.name, await service.ready()])))
        .filter(([, isReady]) => !isReady)
        .map(([name]) => name),
    );

  // A dependency taken away for OUTAGE_MS and given back; who said "not ready" meanwhile, and how
  // long each service then takes to be ready.
  const outage = async (fault, take, give) => {
    log(`chaos: ${fault}`);
    await take();
    await sleep(OUTAGE_MS);
    const down = await notReady();
    await give();
    await measure(fault, services, performance.now(), down);
  };

  await sleep(PHASE_MS / 2);
  await outage(
    'Redis killed, restarted',
    () => redis.kill(),
    () => redis.start(),
  );
  await sleep(PHASE_MS);
  await outage(
    'Postgres cut, restored',
    () => database.stop(),
    () => database.start(),
  );

  await sleep(PHASE_MS);
  // Mid-batch: inference-2 is stopped gracefully first (it finishes what it holds), so a job the
  // queue shows active is one inference-1 holds; then inference-1 is killed. Its job stalls and
  // BullMQ hands it to a worker again once the lock expires (the drain below waits for it).
  await inference2.kill('SIGTERM');
  const heavy = await call(`${api.url}/api/v1/predictions/batch`, {
    method: 'POST',
    headers: { authorization: EDITOR, 'content-type': 'application/json' },
    body: JSON.stringify({ items: predictionItems(10_000) }),
  });
  if (heavy?.status === 202) ledger.predictions.accepted.push((await heavy.json()).jobId);
  await until('a prediction job to be active', async () => (await predictions.getActiveCount()) > 0, 15_000).catch(
    () => undefined,
  );
  const activeWhenKilled = await predictions.getActiveCount();
  log(`chaos: inference-1 killed (${activeWhenKilled} jobs active, all its own)`);
  await inference1.kill();
  await sleep(1_000);
  inference1.start();
  inference2.start();
  const inferenceBack = performance.now();
  await measure(
    'inference worker killed mid-batch, restarted',
    [inference1, inference2],
    inferenceBack,
    new Set(['inference-1', 'inference-2']),
  );

  await sleep(PHASE_MS);
  // Mid-delivery: Slack answers slowly, and the notifier is killed while a message is in flight.
  slack.delayMs = 2_000;
  await until('a Slack delivery in flight', async () => slack.inFlight > 0, 15_000).catch(() => undefined);
  const inFlightWhenKilled = slack.inFlight;
  log(`chaos: notifier killed (${inFlightWhenKilled} Slack deliveries in flight)`);
  await notifier.kill();
  slack.delayMs = 0;
  await sleep(1_000);
  notifier.start();
  const notifierBack = performance.now();
  await measure('notifier killed mid-delivery, restarted', [notifier], notifierBack, new Set(['notifier']));

  await sleep(PHASE_MS / 2);
  await stopLoad();
  const loadSeconds = (performance.now() - started) / 1000;
  log(`chaos: load off after ${loadSeconds.toFixed(0)} s; waiting up to ${DRAIN_MS / 1000} s for accepted work`);

  // Predictions: every accepted job completes (not failed, not missing), exactly once.
  const pending = async () => {
    const states = await Promise.all(ledger.predictions.accepted.map((id) => predictions.getJobState(id)));
    return states.filter((state) => state !== 'completed');
  };
  await until('every accepted prediction job to complete', async () => (await pending()).length === 0, DRAIN_MS).catch(
    () => undefined,
  );
  const predictionStates = await pending();
  const delivered = () => {
    const texts = slack.texts.join('\n');
    return ledger.alerts.accepted.filter((name) => texts.includes(name));
  };
  await until(
    'every accepted alert in Slack',
    async () => delivered().length === ledger.alerts.accepted.length,
    DRAIN_MS,
  ).catch(() => undefined);
  // Writes: every acknowledged objective can be read back.
  let writesLost = 0;
  for (const id of ledger.writes.acknowledged) {
    const response = await call(`${api.url}/api/v1/objectives/${id}`, { headers: { authorization: VIEWER } });
    if (response?.status === 404) writesLost += 1;
    else if (response?.status !== 200) throw new Error(`objective ${id} could not be read back: ${response?.status}`);
  }
  const scoredTwice = [...completions.values()].filter((count) => count > 1).length;
  // Jobs a dead worker held (stalled, handed out again) or a restarted one refused while loading its models (retried).
  const recovered = (await Promise.all(ledger.predictions.accepted.map((id) => predictions.getJob(id)))).filter(
    (job) => job && (job.stalledCounter > 0 || job.attemptsMade > 1),
  ).length;
  const restarts = [];
  for (const service of services)
    restarts.push([service.name, await service.counter('queue_worker_restarts_total').catch(() => NaN)]);

  // ------------------------------------------------------------------ the table
  const rows = [
    ['acknowledged writes lost', `${writesLost} of ${ledger.writes.acknowledged.length}`, writesLost === 0],
    [
      'predictions lost (accepted, never completed)',
      `${predictionStates.length} of ${ledger.predictions.accepted.length}`,
      predictionStates.length === 0,
    ],
    ['predictions scored twice', `${scoredTwice}`, scoredTwice === 0],
    [
      'accepted alerts not delivered',
      `${ledger.alerts.accepted.length - delivered().length} of ${ledger.alerts.accepted.length}`,
      delivered().length === ledger.alerts.accepted.length,
    ],
    ...ready.map(([fault, name, seconds, wasDown]) => [
      `ready again: ${name} after ${fault}${wasDown ? '' : ' (stayed ready)'}`,
      `${seconds.toFixed(2)} s`,
      seconds <= READY_GOAL_SECONDS,
    ]),
    ...restarts.map(([name, count]) => [
      `queue_worker_restarts_total, ${name} (since its last start)`,
      `${count}`,
      null,
    ]),
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const valueWidth = Math.max(...rows.map(([, value]) => value.length));
  const lines = rows.map(
    ([label, value, ok]) =>
      `| ${label.padEnd(width)} | ${value.padStart(valueWidth)} | ${ok === null ? '    ' : ok ? 'ok  ' : 'MISS'} |`,
  );
  process.stdout.write(
    [
      `pnpm chaos: ${loadSeconds.toFixed(0)} s of load, faults ${PHASE_MS / 1000} s apart, outages ${OUTAGE_MS / 1000} s`,
      `load: ${ledger.writes.acknowledged.length} writes acknowledged (${ledger.writes.failed} refused), ` +
        `${ledger.reads.ok} reads ok (${ledger.reads.failed} failed), ${ledger.predictions.accepted.length} prediction batches ` +
        `accepted (${ledger.predictions.failed} refused, ${recovered} retried or recovered after a worker restart), ` +
        `${ledger.alerts.accepted.length} alerts accepted (${ledger.alerts.failed} refused)`,
      `at the kills: ${activeWhenKilled} prediction jobs held by the killed worker, ${inFlightWhenKilled} Slack deliveries in flight`,
      ...lines,
      '',
    ].join('\n'),
  );
  return rows.every(([, , ok]) => ok !== false);
}

let passed = false;
try {
  passed = await main();
} catch (error) {
  process.stderr.write(`chaos: ${error instanceof Error ? error.stack : String(error)}\n`);
} finally {
  for (const step of cleanup.reverse()) await Promise.resolve(step()).catch(() => undefined);
}
process.exit(passed ? 0 : 1);
