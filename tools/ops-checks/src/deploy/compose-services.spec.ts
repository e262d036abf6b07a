import { parse } from 'yaml';
import { readText } from '../repository';
import {
  type ComposeConfig,
  composeProblems,
  envExampleProblems,
  REQUIRED_SERVICES,
  requiredVariables,
} from './compose-services';

const logging = { driver: 'json-file', options: { 'max-size': '10m', 'max-file': '5' } };
const healthcheck = { test: ['CMD', 'true'] };

function stack(): ComposeConfig {
  const services: NonNullable<ComposeConfig['services']> = {};
  for (const name of REQUIRED_SERVICES)
    services[name] = { restart: 'unless-stopped', logging, healthcheck, labels: { autoheal: 'true' } };
  for (const name of ['migrate', 'inference-migrate', 'notifier-migrate'])
    services[name] = { restart: 'no', logging, healthcheck: { test: ['NONE'] } };
  services.redis = { ...services.redis, command: ['redis-server', '--appendonly', 'yes'] };
  services.gateway = { ...services.gateway, volumes: ['/repo/deploy/gateway/templates:/etc/nginx/templates:ro'] };
  return { services };
}

describe('composeProblems', () => {
  it('accepts a complete stack', () => {
    expect(composeProblems(stack())).toEqual([]);
  });

  it('catches a missing service, a missing restart, healthcheck, autoheal label or log rotation', () => {
    const config = stack();
    const services = config.services ?? {};
    delete services.inference;
    services.api = { ...services.api, restart: undefined };
    services.notifier = { ...services.notifier, healthcheck: { test: ['NONE'] } };
    services.gateway = { ...services.gateway, labels: {} };
    services.grafana = { ...services.grafana, logging: { driver: 'json-file', options: { 'max-size': '100m' } } };
    services.migrate = { ...services.migrate, restart: 'unless-stopped' };
    expect(composeProblems(config)).toEqual([
      'no service inference',
      'api: restart is undefined, not unless-stopped',
      'notifier: no healthcheck',
      'gateway: not labelled autoheal=true, so a hung container stays up',
      'grafana: logs are not rotated at 10m x 5 (json-file)',
      'migrate: a one-shot must not restart',
    ]);
  });

  it('needs Redis AOF and the gateway templates mount', () => {
    const config = stack();
    const services = config.services ?? {};
    services.redis = { ...services.redis, command: 'redis-server --appendonly no' };
    services.gateway = { ...services.gateway, volumes: [] };
    expect(composeProblems(config)).toEqual([
      'redis: AOF is off (--appendonly yes)',
      'gateway: deploy/gateway/templates is not mounted at /etc/nginx/templates',
    ]);
  });

  it('passes the committed docker-compose.yml before interpolation in its service list', () => {
    const services = Object.keys(
      (parse(readText('docker-compose.yml'), { merge: true }) as ComposeConfig).services ?? {},
    );
    expect(REQUIRED_SERVICES.filter((name) => !services.includes(name))).toEqual([]);
  });
});

describe('.env.example', () => {
  it('must name every required variable and leave secrets empty', () => {
    const compose = 'a: ${JWT_SECRET:?set it}\nb: ${LOG_LEVEL:-}\nc: ${METRICS_TOKEN:?x}';
    expect(requiredVariables(compose)).toEqual(['JWT_SECRET', 'METRICS_TOKEN']);
    expect(
      envExampleProblems('JWT_SECRET=\n# METRICS_TOKEN=\nPOSTGRES_PASSWORD=hunter2\n', ['JWT_SECRET', 'METRICS_TOKEN']),
    ).toEqual(['.env.example: no METRICS_TOKEN=', '.env.example: POSTGRES_PASSWORD has a value']);
    expect(envExampleProblems(readText('.env.example'), requiredVariables(readText('docker-compose.yml')))).toEqual([]);
  });
});
