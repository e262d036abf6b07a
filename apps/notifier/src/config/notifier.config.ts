import { join } from 'node:path';
import {
  ConfigError,
  databaseBlock,
  databaseSettings,
  type DatabaseSettings,
  type EnvironmentCheck,
  type EnvironmentSource,
  httpBlock,
  jwtBlock,
  jwtKeyRequired,
  jwtSettings,
  type JwtSettings,
  loggingBlock,
  loggingSettings,
  type LoggingSettings,
  metricsBlock,
  metricsNotPublicInProduction,
  metricsSettings,
  type MetricsSettings,
  type NodeEnv,
  nodeEnvBlock,
  parseEnvironment,
  redisBlock,
  shutdownBlock,
  type TrustProxy,
} from '@qbm/config';
import { z } from 'zod';
import { loadRoutingFile } from './routing/routing-file.loader';
import type { RoutingConfig } from './routing/routing-config';
import { smtpBlock, smtpSettings, type SmtpSettings } from './smtp-settings';

// The shipped routing file, beside dist/ and src/ in the package.
export const DEFAULT_ROUTING_FILE = join(__dirname, '..', '..', 'config', 'routing.yaml');

const schema = z.object({
  ...nodeEnvBlock,
  ...httpBlock('NOTIFIER', 3002),
  ...databaseBlock,
  ...redisBlock,
  ...jwtBlock,
  ...loggingBlock,
  ...metricsBlock,
  ...shutdownBlock,
  ...smtpBlock,
  // The bearer token Alertmanager sends (http_config.authorization.credentials_file).
  NOTIFIER_WEBHOOK_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  NOTIFIER_ROUTING_FILE: z.string().min(1).default(DEFAULT_ROUTING_FILE),
  // A repeat of a group already accepted within this window is suppressed.
  NOTIFIER_DEDUPE_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .default(4 * 3600),
  NOTIFIER_DELIVERY_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(10),
  // Overrides of the deliver-notification job's retry defaults (tests shorten them).
  NOTIFIER_RETRY_ATTEMPTS: z.coerce.number().int().min(1).max(50).optional(),
  NOTIFIER_RETRY_DELAY_MS: z.coerce.number().int().min(1).optional(),
  NOTIFIER_SEND_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  // How often outbox rows without a queued job are enqueued again (and expired dedupe keys dropped).
  NOTIFIER_RECOVERY_INTERVAL_MS: z.coerce.number().int().min(100).default(60_000),
  // Prefixes relative links in alerts (the rules' runbook_url is a path in the repository).
  NOTIFIER_LINK_BASE_URL: z.string().url().optional(),
});

export type NotifierEnvironment = z.output<typeof schema>;

const webhookTokenInProduction: EnvironmentCheck = (present) =>
  present.NODE_ENV === 'production' && !present.NOTIFIER_WEBHOOK_TOKEN
    ? 'NOTIFIER_WEBHOOK_TOKEN: required in production (Alertmanager authenticates with it)'
    : undefined;

export interface DeliverySettings {
  concurrency: number;
  attempts?: number;
  retryDelayMs?: number;
  sendTimeoutMs: number;
  dedupeTtlSeconds: number;
  recoveryIntervalMs: number;
  linkBaseUrl?: string;
}

// Parsed once at boot; every bad variable is reported in one error. Nothing else reads process.env.
export class NotifierConfig {
  readonly env: NodeEnv;
  readonly host: string;
  readonly port: number;
  readonly trustProxy: TrustProxy;
  readonly database: DatabaseSettings;
  readonly redisUrl: string;
  readonly jwt: JwtSettings;
  readonly log: LoggingSettings;
  readonly metrics: MetricsSettings;
  readonly shutdownGraceMs: number;
  readonly webhookToken?: string;
  readonly smtp?: SmtpSettings;
  readonly routingFile: string;
  readonly delivery: DeliverySettings;
  readonly version: string;

  constructor(
    e: NotifierEnvironment,
    version: string,
    // Undefined for the CLI, which routes nothing.
    readonly routing?: RoutingConfig,
  ) {
    this.env = e.NODE_ENV;
    this.host = e.NOTIFIER_HOST;
    this.port = e.NOTIFIER_PORT;
    this.trustProxy = e.TRUST_PROXY;
    this.database = databaseSettings(e);
    this.redisUrl = e.REDIS_URL;
    this.jwt = jwtSettings(e);
    this.log = loggingSettings(e);
    this.metrics = metricsSettings(e);
    this.shutdownGraceMs = e.SHUTDOWN_GRACE_MS;
    this.webhookToken = e.NOTIFIER_WEBHOOK_TOKEN;
    this.smtp = smtpSettings(e);
    this.routingFile = e.NOTIFIER_ROUTING_FILE;
    this.delivery = {
      concurrency: e.NOTIFIER_DELIVERY_CONCURRENCY,
      attempts: e.NOTIFIER_RETRY_ATTEMPTS,
      retryDelayMs: e.NOTIFIER_RETRY_DELAY_MS,
      sendTimeoutMs: e.NOTIFIER_SEND_TIMEOUT_MS,
      dedupeTtlSeconds: e.NOTIFIER_DEDUPE_TTL_SECONDS,
      recoveryIntervalMs: e.NOTIFIER_RECOVERY_INTERVAL_MS,
      linkBaseUrl: e.NOTIFIER_LINK_BASE_URL,
    };
    this.version = version;
  }

  // `cli` skips what only the serving process needs: the routing file, the webhook token, /metrics.
  static fromEnvironment(
    source: EnvironmentSource,
    version = '0.0.0',
    role: 'server' | 'cli' = 'server',
  ): NotifierConfig {
    const checks = role === 'server' ? [jwtKeyRequired, metricsNotPublicInProduction, webhookTokenInProduction] : [];
    const e = parseEnvironment(schema, source, checks);
    if (role === 'cli') return new NotifierConfig(e, version);
    const routing = loadRoutingFile(e.NOTIFIER_ROUTING_FILE, {
      env: source,
      smtpConfigured: smtpSettings(e) !== undefined,
    });
    if (e.NODE_ENV === 'production' && routing.destinations.size === 0) {
      const reasons = routing.disabled.map((d) => `${d.id}: ${d.reason}`).join('; ');
      throw new ConfigError([`NOTIFIER_ROUTING_FILE: no destination is enabled (${reasons})`]);
    }
    return new NotifierConfig(e, version, routing);
  }
}
