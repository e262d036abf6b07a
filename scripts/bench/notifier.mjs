// Notifier storm benchmark (standalone: `node scripts/bench/notifier.mjs`). 5,000 alerts, one
// Alertmanager webhook each, are posted to the built notifier with healthy channels (a Slack
// stand-in and a real SMTP server in this process). Reports webhooks accepted per second against
// a bare Fastify endpoint doing the same single INSERT (the baseline), delivery latency from the
// 200 to the channel (p50/p95/max), and the count lost, which must be 0.
// Needs Postgres (database qbm_bench) and redis-server on the PATH (a private one is started).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alertmanagerWebhook, build, ensureInstalled, freePort, log, ROOT, run, until } from '../lib.mjs';

const ALERTS = Number(process.env.BENCH_ALERTS ?? 5000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const CRITICAL_EVERY = 5; // one alert in five is critical: Slack and email; the rest Slack only
const PG = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const DATABASE_URL = `${PG}/qbm_bench`;
const TOKEN = 'bench-webhook-token-0123456789';
const appRequire = createRequire(join(ROOT, 'apps/notifier/package.json'));

function payload(i) {
  const alertname = `Bench${String(i).padStart(5, '0')}`;
  const severity = i % CRITICAL_EVERY === 0 ? 'critical' : 'warning';
  return alertmanagerWebhook({
    alertname,
    severity,
    description: 'storm benchmark',
    startsAt: '2026-11-29T10:00:00Z',
    fingerprint: i.toString(16).padStart(16, '0'),
  });
}

// Posts every payload with CONCURRENCY clients; returns accepted/s and when each was accepted.
async function storm(url) {
  const acceptedAt = new Map();
  let next = 0;
  const started = performance.now();
  const client = async () => {
    while (next < ALERTS) {
      const i = next++;
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify(payload(i)),
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`webhook ${i} answered ${response.status}`);
      acceptedAt.set(`Bench${String(i).padStart(5, '0')}`, Date.now());
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  return { perSecond: ALERTS / ((performance.now() - started) / 1000), acceptedAt };
}

async function baseline() {
  const Fastify = appRequire('fastify');
  const { Pool } = appRequire('pg');
  const pool = new Pool({ connectionString: DATABASE_URL, max: 10 });
  await pool.query(
    'CREATE TABLE IF NOT EXISTS bench_webhook_baseline (id bigserial PRIMARY KEY, payload jsonb NOT NULL)',
  );
  await pool.query('TRUNCATE bench_webhook_baseline');
  const app = Fastify({ bodyLimit: 2 * 1024 * 1024 });
  app.post('/hook', async (request) => {
    await pool.query('INSERT INTO bench_webhook_baseline (payload) VALUES ($1)', [request.body]);
    return { status: 'accepted' };
  });
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  try {
    return (await storm(`http://127.0.0.1:${port}/hook`)).perSecond;
  } finally {
    await app.close();
    await pool.end();
  }
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function main() {
  ensureInstalled();
  build('@qbm/notifier...');
  const redisPort = await freePort();
  const redis = spawn('redis-server', ['--port', String(redisPort), '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const env = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    DATABASE_URL,
    REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    JWT_SECRET: 'b'.repeat(40),
    METRICS_TOKEN: 'm'.repeat(24),
    LOG_LEVEL: 'warn',
    NOTIFIER_WEBHOOK_TOKEN: TOKEN,
  };
  const cli = join(ROOT, 'apps/notifier/dist/cli/main.js');
  run(process.execPath, [cli, 'migrate'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  run(
    'psql',
    [
      DATABASE_URL,
      '-qc',
      'TRUNCATE notifier_delivery_attempts, notifier_notifications, notifier_alert_batches, notifier_dedupe_keys',
    ],
    { env },
  );

  const arrivals = { slack: new Map(), email: new Map() };
  const slack = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const name = /\] (Bench\d+)/.exec(JSON.parse(body).text)?.[1];
      if (name && !arrivals.slack.has(name)) arrivals.slack.set(name, Date.now());
      response.end('ok');
    });
  }).listen(0, '127.0.0.1');
  await once(slack, 'listening');
  const { SMTPServer } = appRequire('smtp-server');
  const smtpPort = await freePort();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      let text = '';
      stream.on('data', (chunk) => (text += chunk));
      stream.on('end', () => {
        const name = /QBM AI System Alert: (Bench\d+)/.exec(text)?.[1];
        if (name && !arrivals.email.has(name)) arrivals.email.set(name, Date.now());
        callback();
      });
    },
  });
  await new Promise((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve));
  const routing = join(mkdtempSync(join(tmpdir(), 'qbm-bench-notifier-')), 'routing.yaml');
  writeFileSync(
    routing,
    `destinations:\n  mail: { channel: email, to: oncall@example.test }\n  chat: { channel: slack, webhookUrl: 'http://127.0.0.1:${slack.address().port}/hook', ratePerSecond: 1000 }\n` +
      `routes:\n  - { match: { severity: critical }, destinations: [chat, mail] }\ndefault: [chat]\n`,
  );
  const port = await freePort();
  const notifier = spawn(process.execPath, [join(ROOT, 'apps/notifier/dist/main.js')], {
    env: {
      ...env,
      NOTIFIER_PORT: String(port),
      NOTIFIER_HOST: '127.0.0.1',
      NOTIFIER_ROUTING_FILE: routing,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtpPort),
      SMTP_SECURE: 'false',
      NOTIFIER_DELIVERY_CONCURRENCY: process.env.BENCH_DELIVERY_CONCURRENCY ?? '50',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await until('the notifier', async () => (await fetch(`http://127.0.0.1:${port}/health/ready`)).ok, 60_000);
    log(`storm: ${ALERTS} webhooks, ${CONCURRENCY} clients`);
    const { perSecond, acceptedAt } = await storm(`http://127.0.0.1:${port}/api/v1/alerts/alertmanager`);
    const critical = [...acceptedAt.keys()].filter((name) => Number(name.slice(5)) % CRITICAL_EVERY === 0);
    await until(
      'every message',
      async () => arrivals.slack.size >= ALERTS && arrivals.email.size >= critical.length,
      180_000,
    ).catch((error) => log(error.message));
    const lost = ALERTS - arrivals.slack.size + (critical.length - arrivals.email.size);
    const delivered = arrivals.slack.size + arrivals.email.size;
    const firstAccepted = Math.min(...acceptedAt.values());
    const lastArrival = Math.max(...arrivals.slack.values(), ...arrivals.email.values());
    const latency = (channel) => [...arrivals[channel]].map(([name, at]) => at - acceptedAt.get(name));
    log('baseline: a bare Fastify endpoint doing one INSERT');
    const bare = await baseline();
    const rows = [
      [
        'webhooks accepted/s',
        perSecond.toFixed(0),
        `baseline ${bare.toFixed(0)}/s, ratio ${(perSecond / bare).toFixed(2)}`,
      ],
      ...['slack', 'email'].map((channel) => {
        const values = latency(channel);
        return [
          `delivery ${channel} (${values.length} msgs)`,
          `p95 ${percentile(values, 95)} ms`,
          `p50 ${percentile(values, 50)} ms, max ${Math.max(...values)} ms`,
        ];
      }),
      [
        'deliveries/s',
        (delivered / ((lastArrival - firstAccepted) / 1000)).toFixed(0),
        `${delivered} messages, first 200 to last arrival`,
      ],
      ['lost', String(lost), lost === 0 ? 'ok' : 'FAIL: must be 0'],
    ];
    const widths = [0, 1, 2].map((c) => Math.max(...rows.map((row) => row[c].length)));
    process.stdout.write(
      `\nnotifier storm: ${ALERTS} alerts (${critical.length} critical to Slack and email, the rest to Slack)\n`,
    );
    for (const row of rows) process.stdout.write(`  ${row.map((cell, c) => cell.padEnd(widths[c])).join('  ')}\n`);
    process.exitCode = lost === 0 ? 0 : 1;
  } finally {
    notifier.kill('SIGTERM');
    await once(notifier, 'exit');
    slack.close();
    smtp.close();
    redis.kill('SIGKILL');
  }
}

main().catch((error) => {
  process.stderr.write(`bench notifier: ${error.stack ?? error}\n`);
  process.exit(1);
});
