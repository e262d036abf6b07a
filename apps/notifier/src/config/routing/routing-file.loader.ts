import { readFileSync } from 'node:fs';
import { ConfigError, type EnvironmentSource } from '@qbm/config';
import { parse } from 'yaml';
import type { ZodError } from 'zod';
import { interpolate } from './environment-references';
import type { Destination, DisabledDestination, Route, RoutingConfig } from './routing-config';
import { destinationSchema, routingFileSchema } from './routing-file.schema';

export interface RoutingContext {
  env: EnvironmentSource;
  smtpConfigured: boolean;
}

// Reads the routing file (YAML, or JSON, which YAML reads too). A destination whose ${VARIABLES}
// are unset, or an email destination without SMTP, is disabled rather than fatal, so a developer
// without Slack still runs the service; every other mistake is a ConfigError naming each problem.
export function loadRoutingFile(path: string, context: RoutingContext): RoutingConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError([`NOTIFIER_ROUTING_FILE: cannot read ${path}: ${(error as Error).message}`]);
  }
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new ConfigError([`NOTIFIER_ROUTING_FILE: ${path} is not YAML or JSON: ${(error as Error).message}`]);
  }
  return parseRouting(raw, context, `NOTIFIER_ROUTING_FILE (${path})`);
}

export function parseRouting(raw: unknown, context: RoutingContext, where = 'routing'): RoutingConfig {
  const file = routingFileSchema.safeParse(raw);
  if (!file.success) throw new ConfigError(issues(where, file.error));
  const problems: string[] = [];
  const destinations = new Map<string, Destination>();
  const disabled: DisabledDestination[] = [];

  for (const [id, rawDestination] of Object.entries(file.data.destinations)) {
    const { value, missing } = interpolate(rawDestination, context.env);
    if (missing.length > 0) {
      disabled.push({ id, reason: `${missing.join(', ')} not set` });
      continue;
    }
    const parsed = destinationSchema.safeParse(value);
    if (!parsed.success) {
      problems.push(...issues(`${where}: destinations.${id}`, parsed.error));
      continue;
    }
    const destination = parsed.data;
    if (destination.channel === 'email' && !context.smtpConfigured) {
      disabled.push({ id, reason: 'SMTP is not configured (SMTP_URL or SMTP_HOST)' });
      continue;
    }
    const ratePerSecond = destination.ratePerSecond;
    const minIntervalMs = ratePerSecond === undefined ? 0 : Math.ceil(1000 / ratePerSecond);
    destinations.set(
      id,
      destination.channel === 'email'
        ? { id, channel: 'email', to: destination.to, minIntervalMs }
        : { id, channel: 'slack', webhookUrl: destination.webhookUrl, minIntervalMs },
    );
  }

  const known = (name: string): boolean => destinations.has(name) || disabled.some((d) => d.id === name);
  const routes: Route[] = file.data.routes.map((route, index) => {
    for (const name of route.destinations) {
      if (!known(name)) problems.push(`${where}: routes.${index}: unknown destination "${name}"`);
    }
    const matchRe = Object.fromEntries(
      Object.entries(route.matchRe).map(([label, source]) => [label, new RegExp(`^(?:${source})$`)]),
    );
    return { match: route.match, matchRe, destinations: route.destinations, continue: route.continue };
  });
  for (const name of file.data.default) {
    if (!known(name)) problems.push(`${where}: default: unknown destination "${name}"`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    destinations,
    disabled,
    routes,
    defaultDestinations: file.data.default,
    maxAlertsPerMessage: file.data.maxAlertsPerMessage,
  };
}

function issues(where: string, error: ZodError): string[] {
  return error.issues.map((issue) => `${where}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
}
