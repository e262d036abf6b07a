import { join } from 'node:path';

export const REPOSITORY_ROOT = join(__dirname, '..', '..', '..', '..');

export const paths = {
  apiEntry: join(REPOSITORY_ROOT, 'apps', 'api', 'dist', 'main.js'),
  apiCli: join(REPOSITORY_ROOT, 'apps', 'api', 'dist', 'cli', 'main.js'),
  notifierEntry: join(REPOSITORY_ROOT, 'apps', 'notifier', 'dist', 'main.js'),
  notifierCli: join(REPOSITORY_ROOT, 'apps', 'notifier', 'dist', 'cli', 'main.js'),
  cli: join(REPOSITORY_ROOT, 'apps', 'cli', 'dist', 'main.js'),
  gatewayRenderer: join(REPOSITORY_ROOT, 'deploy', 'gateway', 'render-config.mjs'),
  rules: join(REPOSITORY_ROOT, 'prometheus', 'rules'),
  dashboards: join(REPOSITORY_ROOT, 'grafana', 'dashboards'),
};
