// `pnpm test`: every check CI runs — typecheck, lint, the monitoring stack's checks (promtool,
// amtool, compose, dashboard), then all unit, integration and e2e tests (against the real Postgres
// and Redis; one package at a time, since they share those services). Ends with one line that
// totals every test: `N passed, N failed`.
import { spawn } from 'node:child_process';
import { ensureInstalled, ROOT, run } from './lib.mjs';

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' };
const totals = { passed: 0, failed: 0, skipped: 0 };

// Runs a command, echoing its output, and adds up the counts its runners print.
function counted(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['inherit', 'pipe', 'pipe'] });
    let pending = '';
    const scan = (chunk, sink) => {
      sink.write(chunk);
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) tally(line);
    };
    child.stdout.on('data', (chunk) => scan(chunk, process.stdout));
    child.stderr.on('data', (chunk) => scan(chunk, process.stderr));
    child.on('close', (code) => {
      tally(pending);
      resolve(code ?? 1);
    });
  });
}

function tally(line) {
  const jest = /Tests:\s+(.*?)\d+ total/.exec(line);
  const ops = /^(\d+) passed, (\d+) failed, (\d+) skipped$/.exec(line.trim());
  if (jest) {
    for (const [, n, kind] of jest[1].matchAll(/(\d+) (passed|failed|skipped|todo)/g)) {
      if (kind in totals) totals[kind] += Number(n);
    }
  } else if (ops) {
    totals.passed += Number(ops[1]);
    totals.failed += Number(ops[2]);
    totals.skipped += Number(ops[3]);
  }
}

ensureInstalled();
run('pnpm', ['exec', 'turbo', 'run', 'build', 'typecheck', 'lint', '--output-logs=errors-only'], { env });
// Formatting is checked over the whole tree (root scripts, YAML and JSON too), not per package.
run('pnpm', ['exec', 'prettier', '--check', '--log-level=warn', '.'], { env });
// In CI every tool is installed by .ci/run, so a missing one is a failure there, not a skip.
const opsCode = await counted(process.execPath, [
  'tools/ops-checks/dist/main.js',
  ...(process.env.CI === 'true' ? ['--strict'] : []),
]);
const testCode = await counted('pnpm', [
  'exec',
  'turbo',
  'run',
  'test',
  '--concurrency=1',
  // Every package's tests run even after one fails, so a run reports every failure and a full count.
  '--continue',
  '--output-logs=full',
  ...process.argv.slice(2),
]);
const code = opsCode !== 0 || testCode !== 0 ? 1 : 0;
if (code !== 0 && totals.failed === 0) totals.failed = 1; // a crash that printed no counts still fails
process.stdout.write(
  `\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}\n`,
);
process.exit(code);
