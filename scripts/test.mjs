// `pnpm test`: every check CI runs — typecheck, lint, the monitoring stack's checks (promtool,
// amtool, compose, dashboard), then all unit, integration and e2e tests (against the real Postgres
// and Redis; one package at a time, since they share those services).
import { ensureInstalled, run } from './lib.mjs';

ensureInstalled();
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' };
run('pnpm', ['exec', 'turbo', 'run', 'build', 'typecheck', 'lint', '--output-logs=errors-only'], { env });
// In CI every tool is installed by .ci/run, so a missing one is a failure there, not a skip.
run(process.execPath, ['scripts/check-ops.mjs', ...(process.env.CI === 'true' ? ['--strict'] : [])], { env });
run('pnpm', ['exec', 'turbo', 'run', 'test', '--concurrency=1', '--output-logs=full', ...process.argv.slice(2)], { env });
