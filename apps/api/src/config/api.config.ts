import {
  booleanFromString,
  databaseBlock,
  databaseSettings,
  DatabaseSettings,
  EnvironmentSource,
  httpBlock,
  jwtBlock,
  jwtKeyRequired,
  jwtSettings,
  JwtSettings,
  loggingBlock,
  loggingSettings,
  LoggingSettings,
  metricsBlock,
  metricsNotPublicInProduction,
  metricsSettings,
  MetricsSettings,
  NodeEnv,
  nodeEnvBlock,
  parseEnvironment,
  redisBlock,
  shutdownBlock,
  TrustProxy,
} from '@qbm/config';
import { z } from 'zod';

const schema = z.object({
  ...nodeEnvBlock,
  ...httpBlock('API', 3000),
  ...databaseBlock,
  ...redisBlock,
  ...jwtBlock,
  ...loggingBlock,
  ...metricsBlock,
  ...shutdownBlock,
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  CACHE_ENABLED: booleanFromString.default('true'),
  // Cache hits of reads by id and list pages answered in a Fastify hook, before Nest's pipeline.
  CACHE_FAST_PATH: booleanFromString.default('true'),
  REQUEST_INSTRUMENTATION: booleanFromString.default('true'),
  // How often one replica looks for decision requirements past their date (0: never).
  REQUIREMENT_OVERDUE_SCAN_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
});

export type ApiEnvironment = z.output<typeof schema>;

// Parsed once at boot; every bad variable is reported in one error. Nothing else reads process.env.
export class ApiConfig {
  readonly env: NodeEnv;
  readonly host: string;
  readonly port: number;
  readonly database: DatabaseSettings;
  readonly redisUrl: string;
  readonly jwt: JwtSettings;
  readonly log: LoggingSettings;
  readonly metrics: MetricsSettings;
  readonly rateLimitPerMinute: number;
  readonly cacheEnabled: boolean;
  readonly cacheFastPath: boolean;
  readonly requestInstrumentation: boolean;
  readonly requirementOverdueScanSeconds: number;
  readonly shutdownGraceMs: number;
  // Which X-Forwarded-For hops to believe for the client address (rate limits key on it).
  readonly trustProxy: TrustProxy;
  readonly version: string;

  constructor(e: ApiEnvironment, version: string) {
    this.env = e.NODE_ENV;
    this.host = e.API_HOST;
    this.port = e.API_PORT;
    this.database = databaseSettings(e);
    this.redisUrl = e.REDIS_URL;
    this.jwt = jwtSettings(e);
    this.log = loggingSettings(e);
    this.metrics = metricsSettings(e);
    this.rateLimitPerMinute = e.RATE_LIMIT_PER_MINUTE;
    this.cacheEnabled = e.CACHE_ENABLED;
    this.cacheFastPath = e.CACHE_FAST_PATH;
    this.requestInstrumentation = e.REQUEST_INSTRUMENTATION;
    this.requirementOverdueScanSeconds = e.REQUIREMENT_OVERDUE_SCAN_SECONDS;
    this.shutdownGraceMs = e.SHUTDOWN_GRACE_MS;
    this.trustProxy = e.TRUST_PROXY;
    this.version = version;
  }

  // `cli` skips what only a serving process needs (the operator CLI never exposes /metrics).
  static fromEnvironment(source: EnvironmentSource, version = '0.0.0', role: 'server' | 'cli' = 'server'): ApiConfig {
    const checks = role === 'server' ? [jwtKeyRequired, metricsNotPublicInProduction] : [jwtKeyRequired];
    return new ApiConfig(parseEnvironment(schema, source, checks), version);
  }
}
