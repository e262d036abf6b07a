// `pnpm start`: install, build, migrate every app, run the services side by side (each line prefixed
// with its service's name, all of them stopped together on Ctrl-C or as soon as one exits) and, once
// they are ready, seed an empty database with demo data.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build, ensureInstalled, loadDevelopmentEnv, log, ROOT, run } from './lib.mjs';

// The services, one line each; one whose build does not exist in this checkout is skipped.
const SERVICES = [
  { name: 'api', entry: 'apps/api/dist/main.js', banner: apiBanner },
  { name: 'notifier', entry: 'apps/notifier/dist/main.js', banner: notifierBanner },
  { name: 'inference', entry: 'apps/inference/dist/main.js', banner: inferenceBanner },
];

// How long the services get to drain after SIGTERM before they are killed.
const STOP_TIMEOUT_MS = Number(process.env.SHUTDOWN_GRACE_MS ?? 10_000) + 5_000;
const COLOURS = [36, 35, 33, 32, 34, 31];
const useColour = process.stdout.isTTY && !process.env.NO_COLOR;

ensureInstalled();
loadDevelopmentEnv({ create: true });
build();
const cli = join(ROOT, 'apps/cli/dist/main.js');
run(process.execPath, [cli, 'migrate']);

const env = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'development' };
const runnable = SERVICES.filter(({ name, entry }) => {
  if (existsSync(join(ROOT, entry))) return true;
  log(`${name}: ${entry} is not built here, not started`);
  return false;
});
const width = Math.max(...runnable.map(({ name }) => name.length));
const running = new Map();
let stopping = false;
let exitCode = 0;

runnable.forEach((service, index) => {
  const prefix = label(service.name, COLOURS[index % COLOURS.length]);
  // Its own process group, so Ctrl-C reaches this supervisor only and the stop is one orderly SIGTERM.
  const child = spawn(process.execPath, [join(ROOT, service.entry)], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.set(service.name, child);
  for (const [stream, sink] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ]) {
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => sink.write(`${prefix} ${line}\n`));
  }
  child.on('exit', (code, signal) => {
    running.delete(service.name);
    log(`${service.name} exited (${signal ?? code})`);
    if (!stopping) {
      exitCode = code || 1;
      stopAll();
    }
    if (running.size === 0) process.exit(exitCode);
  });
  service.banner?.();
});
if (runnable.length === 0) {
  log('no service is built: nothing to start');
  process.exit(1);
}
void seedWhenReady();

// The demo seed runs once the services are up: it replays closed OKRs through the prediction route
// (the quality ledger), which needs the inference service ready (on a first start, after it has
// trained its base models). It seeds an empty database only; a failure is reported, the services run on.
async function seedWhenReady() {
  if (runnable.some(({ name }) => name === 'inference')) {
    const url = `http://127.0.0.1:${process.env.INFERENCE_PORT ?? '3001'}/health/ready`;
    const deadline = Date.now() + 300_000;
    while (
      !stopping &&
      Date.now() < deadline &&
      !(await fetch(url).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
  if (stopping) return;
  const seed = spawn(process.execPath, [cli, 'seed'], { cwd: ROOT, env: process.env, stdio: 'inherit' });
  seed.on('exit', (code) => {
    if (code !== 0) log(`seed failed (exit ${code}); the services keep running`);
  });
}

function label(name, colour) {
  const text = `${name.padEnd(width)} |`;
  return useColour ? `\x1b[${colour}m${text}\x1b[0m` : text;
}

function stopAll() {
  if (stopping) return;
  stopping = true;
  for (const child of running.values()) child.kill('SIGTERM');
  setTimeout(() => {
    for (const [name, child] of running) {
      log(`${name} did not stop within ${STOP_TIMEOUT_MS} ms: killed`);
      child.kill('SIGKILL');
    }
  }, STOP_TIMEOUT_MS).unref();
}

function apiBanner() {
  const port = process.env.API_PORT ?? '3000';
  log(`API on http://127.0.0.1:${port}  docs http://127.0.0.1:${port}/docs  metrics http://127.0.0.1:${port}/metrics`);
  log('a token for the demo organisation: pnpm qbm token --org demo --role admin');
}

function notifierBanner() {
  const port = process.env.NOTIFIER_PORT ?? '3002';
  log(
    `notifier on http://127.0.0.1:${port}  webhook /api/v1/alerts/alertmanager  history /api/v1/notifications (admin)`,
  );
  log('the notifier sends to SLACK_WEBHOOK_URL and, with SMTP_URL and ALERT_EMAIL_TO, by email (README: The notifier)');
}

function inferenceBanner() {
  const port = process.env.INFERENCE_PORT ?? '3001';
  log(`inference on http://127.0.0.1:${port}/health/ready  (the first start trains the base models: about a minute)`);
  log('a prediction: GET /api/v1/okrs/<id>/prediction on the API (README: Predictions)');
}

process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);
// Should the supervisor itself fail, its detached services must not outlive it.
process.on('exit', () => {
  for (const child of running.values()) child.kill('SIGKILL');
});
