// `pnpm qbm <command>`: the operator CLI. Builds what it needs (cached by turbo), then runs it.
import { build, ensureInstalled, loadDevelopmentEnv, ROOT, run } from './lib.mjs';
import { join } from 'node:path';

ensureInstalled();
loadDevelopmentEnv({ create: false });
// Commands owned by an app other than the API run that app's CLI.
const OWNERS = { notifications: 'notifier' };
const app = OWNERS[process.argv[2]] ?? 'api';
build(`@qbm/${app}...`);
run(process.execPath, [join(ROOT, `apps/${app}/dist/cli/main.js`), ...process.argv.slice(2)]);
