import { join } from 'node:path';

export const REPOSITORY_ROOT = join(__dirname, '..', '..', '..', '..');

export const paths = {
  apiEntry: join(REPOSITORY_ROOT, 'apps', 'api', 'dist', 'main.js'),
  apiCli: join(REPOSITORY_ROOT, 'apps', 'api', 'dist', 'cli', 'main.js'),
  notifierEntry: join(REPOSITORY_ROOT, 'apps', 'notifier', 'dist', 'main.js'),
  notifierCli: join(REPOSITORY_ROOT, 'apps', 'notifier', 'dist', 'cli', 'main.js'),
  inferenceEntry: join(REPOSITORY_ROOT, 'apps', 'inference', 'dist', 'main.js'),
  inferenceCli: join(REPOSITORY_ROOT, 'apps', 'inference', 'dist', 'cli', 'main.js'),
  cli: join(REPOSITORY_ROOT, 'apps', 'cli', 'dist', 'main.js'),
  gatewayRenderer: join(REPOSITORY_ROOT, 'deploy', 'gateway', 'render-config.mjs'),
  prometheusConfig: join(REPOSITORY_ROOT, 'prometheus', 'prometheus.yml'),
  rules: join(REPOSITORY_ROOT, 'prometheus', 'rules'),
  blackboxConfig: join(REPOSITORY_ROOT, 'deploy', 'blackbox', 'blackbox.yml'),
  gatewayStatusConfig: join(REPOSITORY_ROOT, 'deploy', 'gateway', 'status.conf'),
  dashboards: join(REPOSITORY_ROOT, 'grafana', 'dashboards'),
};
