// `pnpm start`: install, build, migrate, seed an empty database with demo data, and run the services
// (the API and the notifier).
import { join } from 'node:path';
import { build, ensureInstalled, loadDevelopmentEnv, log, ROOT, run, start } from './lib.mjs';

ensureInstalled();
loadDevelopmentEnv({ create: true });
build();
const cli = join(ROOT, 'apps/api/dist/cli/main.js');
run(process.execPath, [cli, 'migrate']);
run(process.execPath, [cli, 'seed']);
run(process.execPath, [join(ROOT, 'apps/notifier/dist/cli/main.js'), 'migrate']);

const env = { NODE_ENV: process.env.NODE_ENV ?? 'development' };
const services = [
  ['api', join(ROOT, 'apps/api/dist/main.js')],
  ['notifier', join(ROOT, 'apps/notifier/dist/main.js')],
];
const children = services.map(([name, entry]) => {
  const child = start(process.execPath, [entry], env);
  child.on('exit', (code, signal) => {
    log(`${name} exited (${signal ?? code})`);
    shutdown(code ?? 1);
  });
  return child;
});
const port = process.env.API_PORT ?? '3000';
log(`API on http://127.0.0.1:${port}  docs http://127.0.0.1:${port}/docs  metrics http://127.0.0.1:${port}/metrics`);
const notifierPort = process.env.NOTIFIER_PORT ?? '3002';
log(
  `notifier on http://127.0.0.1:${notifierPort}  webhook /api/v1/alerts/alertmanager  history /api/v1/notifications (admin)`,
);
log('the notifier sends to SLACK_WEBHOOK_URL and, with SMTP_URL and ALERT_EMAIL_TO, by email (README: The notifier)');
log('a token for the demo organisation: pnpm qbm token --org demo --role admin');

let stopping = false;
function shutdown(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 200).unref();
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
