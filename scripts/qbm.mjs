// `pnpm qbm <command>`: the operator CLI. Builds what it needs (cached by turbo), then runs it.
import { build, ensureInstalled, loadDevelopmentEnv, ROOT, run } from './lib.mjs';
import { join } from 'node:path';

ensureInstalled();
loadDevelopmentEnv({ create: false });
build('@qbm/api...');
run(process.execPath, [join(ROOT, 'apps/api/dist/cli/main.js'), ...process.argv.slice(2)]);
