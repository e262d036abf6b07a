// `pnpm qbm <command>`: the operator CLI (apps/cli). Builds it and the apps whose commands it runs
// (cached by turbo), then runs it.
import { join } from 'node:path';
import { build, ensureInstalled, loadDevelopmentEnv, ROOT, run } from './lib.mjs';

ensureInstalled();
loadDevelopmentEnv({ create: false });
build('./apps/*');
run(process.execPath, [join(ROOT, 'apps/cli/dist/main.js'), ...process.argv.slice(2)]);
