// The compose stack as `docker compose config` resolves it: every part of the suite is there, each
// long-running container restarts on exit, has a healthcheck, is watched by autoheal and rotates its
// logs as the guide sets it (10 MB x 5); one-shots run once.

interface ComposeService {
  restart?: string;
  profiles?: string[];
  labels?: Record<string, string> | string[];
  logging?: { driver?: string; options?: Record<string, string> };
  healthcheck?: { test?: string[] | string; disable?: boolean };
  command?: string[] | string;
  volumes?: Array<string | { source?: string; target?: string }>;
}

export interface ComposeConfig {
  services?: Record<string, ComposeService>;
}

export const REQUIRED_SERVICES = [
  'api',
  'inference',
  'notifier',
  'gateway',
  'postgres',
  'redis',
  'prometheus',
  'alertmanager',
  'grafana',
  'blackbox',
  'autoheal',
  'migrate',
  'inference-migrate',
  'notifier-migrate',
] as const;

// One-shots: they exit 0 and the services after them wait for that.
const ONE_SHOTS = new Set(['migrate', 'inference-migrate', 'notifier-migrate']);

// Long-running containers without a healthcheck, and why (they are watched another way).
export const UNCHECKED = new Map([
  ['nginx-exporter', 'no shell or HTTP client in the image; nginx_up and `up` watch it'],
]);

function labelValue(labels: ComposeService['labels'], key: string): string | undefined {
  if (Array.isArray(labels)) return labels.find((label) => label.startsWith(`${key}=`))?.slice(key.length + 1);
  return labels?.[key];
}

function healthcheckDisabled(service: ComposeService): boolean {
  const test = service.healthcheck?.test;
  return !service.healthcheck || service.healthcheck.disable === true || (Array.isArray(test) && test[0] === 'NONE');
}

function words(value: string[] | string | undefined): string[] {
  return Array.isArray(value) ? value : (value ?? '').split(/\s+/);
}

export function composeProblems(config: ComposeConfig): string[] {
  const services = config.services ?? {};
  const problems = REQUIRED_SERVICES.filter((name) => !services[name]).map((name) => `no service ${name}`);
  for (const [name, service] of Object.entries(services)) {
    const options = service.logging?.options ?? {};
    if (service.logging?.driver !== 'json-file' || options['max-size'] !== '10m' || options['max-file'] !== '5')
      problems.push(`${name}: logs are not rotated at 10m x 5 (json-file)`);
    if (service.profiles?.length) continue; // run by hand: cli, seed
    if (ONE_SHOTS.has(name)) {
      if (service.restart !== 'no') problems.push(`${name}: a one-shot must not restart`);
      continue;
    }
    if (service.restart !== 'unless-stopped' && service.restart !== 'always')
      problems.push(`${name}: restart is ${String(service.restart)}, not unless-stopped`);
    if (name === 'autoheal') continue;
    if (healthcheckDisabled(service)) {
      if (!UNCHECKED.has(name)) problems.push(`${name}: no healthcheck`);
    } else if (labelValue(service.labels, 'autoheal') !== 'true')
      problems.push(`${name}: not labelled autoheal=true, so a hung container stays up`);
  }
  const redis = words(services.redis?.command);
  const appendonly = redis.indexOf('--appendonly');
  if (services.redis && (appendonly < 0 || redis[appendonly + 1] !== 'yes'))
    problems.push('redis: AOF is off (--appendonly yes)');
  const gatewayMounts = (services.gateway?.volumes ?? []).map((volume) =>
    typeof volume === 'string' ? volume : `${volume.source ?? ''}:${volume.target ?? ''}`,
  );
  if (
    services.gateway &&
    !gatewayMounts.some((mount) => /deploy\/gateway\/templates:\/etc\/nginx\/templates/.test(mount))
  )
    problems.push('gateway: deploy/gateway/templates is not mounted at /etc/nginx/templates');
  return problems;
}

// `${NAME:?...}` in the compose file: variables compose refuses to start without.
export function requiredVariables(composeText: string): string[] {
  return [...new Set([...composeText.matchAll(/\$\{([A-Z0-9_]+):\?/g)].map((match) => match[1] ?? ''))].sort();
}

// .env.example names every required variable and carries no value for a secret.
export function envExampleProblems(example: string, required: readonly string[]): string[] {
  const entries = new Map(
    example
      .split('\n')
      .map((line) => /^\s*([A-Z0-9_]+)=(.*)$/.exec(line))
      .flatMap((match) => (match ? [[match[1] ?? '', (match[2] ?? '').trim()] as const] : [])),
  );
  const problems = required.filter((name) => !entries.has(name)).map((name) => `.env.example: no ${name}=`);
  for (const [name, value] of entries)
    if (/SECRET|PASSWORD|TOKEN|_KEY/.test(name) && value !== '') problems.push(`.env.example: ${name} has a value`);
  return problems;
}
