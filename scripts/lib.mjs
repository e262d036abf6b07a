// Helpers for the root scripts; Node built-ins only, so they run before `pnpm install`.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DEV_ENV = join(ROOT, '.qbm', 'dev.env');

// Progress goes to stderr so that a command's own output (a token, a JSON report) can be piped.
export function log(message) {
  process.stderr.write(`\x1b[36mqbm\x1b[0m ${message}\n`);
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: process.env, ...options });
  if (result.status !== 0) {
    process.stderr.write(`qbm: \`${command} ${args.join(' ')}\` failed (exit ${result.status ?? result.signal})\n`);
    process.exit(result.status ?? 1);
  }
}

export function ensureInstalled() {
  const marker = join(ROOT, 'node_modules', '.modules.yaml');
  const lock = join(ROOT, 'pnpm-lock.yaml');
  if (!existsSync(marker) || statSync(lock).mtimeMs > statSync(marker).mtimeMs) {
    log('installing dependencies (pnpm install --frozen-lockfile)');
    run('pnpm', ['install', '--frozen-lockfile'], { stdio: ['inherit', process.stderr, 'inherit'] });
  }
}

// Builds every package, or those a turbo filter (or a list of them) names, and what they depend on.
export function build(filter) {
  const filters = filter === undefined ? [] : [filter].flat();
  run('pnpm', ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only', ...filters.map((f) => `--filter=${f}`)], {
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
    stdio: ['inherit', process.stderr, 'inherit'],
  });
}

// A development JWT secret kept out of the repo (in .qbm/, ignored by git), so tokens minted by
// `pnpm qbm token` verify against the API started by `pnpm start`.
export function loadDevelopmentEnv({ create }) {
  if (process.env.JWT_SECRET || process.env.JWT_PUBLIC_KEY) return;
  if (!existsSync(DEV_ENV)) {
    if (!create) return;
    mkdirSync(dirname(DEV_ENV), { recursive: true });
    writeFileSync(DEV_ENV, `JWT_SECRET=${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
    log(`JWT_SECRET is not set: generated a development secret in ${DEV_ENV} (set JWT_SECRET in production)`);
  }
  for (const line of readFileSync(DEV_ENV, 'utf8').split('\n')) {
    const match = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (match && process.env[match[1]] === undefined) process.env[match[1]] = match[2];
  }
}

export function start(command, args, env) {
  return spawn(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
}

// One firing alert as Alertmanager's webhook posts it to the notifier (version 4), for the scripts
// that load the notifier (the notifier bench, `pnpm chaos`).
export function alertmanagerWebhook({ alertname, severity, description, startsAt, fingerprint }) {
  const labels = { alertname, severity, service: 'api', instance: 'api-1:3000' };
  const annotations = { summary: `${alertname} fired`, description };
  return {
    version: '4',
    groupKey: `{}:{alertname="${alertname}"}`,
    truncatedAlerts: 0,
    status: 'firing',
    receiver: `qbm-${severity}`,
    groupLabels: { alertname },
    commonLabels: labels,
    commonAnnotations: annotations,
    externalURL: 'http://alertmanager:9093',
    alerts: [
      {
        status: 'firing',
        labels,
        annotations,
        startsAt,
        endsAt: '0001-01-01T00:00:00Z',
        generatorURL: '',
        fingerprint,
      },
    ],
  };
}

// A port free on 127.0.0.1 at the time of asking (the benches start their servers on such ports).
export function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// Polls `probe` every 100 ms until it resolves to something truthy, which it returns; a probe that
// throws counts as not yet. Throws once `timeoutMs` has passed.
export async function until(what, probe, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

// Polls `url` until it answers 2xx (30 s at most); kills `child` and throws if it never does.
export async function waitReady(url, child) {
  try {
    await until(`${url} to be ready`, async () => (await fetch(url)).ok, 30_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

// A stop() for a child process: SIGTERM, resolved when it has exited (at once if it already has).
export function stopper(child) {
  return () =>
    new Promise((resolve) => {
      // A child that has exited has an exit code, or a signal code when a signal ended it (as the
      // API ends itself once shut down): waiting for another exit would wait for ever.
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
}

// The built API (apps/api/dist/main.js) on a free port with `env`, its output but errors dropped,
// once it is ready: { base, pid, stop }.
export async function startBuiltApi(env) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'apps/api/dist/main.js')], {
    env: { ...env, API_PORT: String(port), API_HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitReady(`${base}/health/ready`, child);
  return { base, pid: child.pid, stop: stopper(child) };
}

// CPU seconds (user + system) a process has used, from /proc: unlike requests per second, CPU per
// request barely moves when other jobs share the machine.
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
export function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
