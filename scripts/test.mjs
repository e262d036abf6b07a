// `pnpm test`: every check CI runs — typecheck, lint, then all unit, integration and e2e tests
// (against the real Postgres and Redis; one package at a time, since they share those services).
import { ensureInstalled, run } from './lib.mjs';

ensureInstalled();
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' };
run('pnpm', ['exec', 'turbo', 'run', 'build', 'typecheck', 'lint', '--output-logs=errors-only'], { env });
run('pnpm', ['exec', 'turbo', 'run', 'test', '--concurrency=1', '--output-logs=full', ...process.argv.slice(2)], { env });
