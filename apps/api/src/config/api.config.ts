import { z } from 'zod';

const booleanFromString = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  API_HOST: z.string().min(1).default('0.0.0.0'),
  API_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/qbm'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_PUBLIC_KEY: z.string().min(1).optional(),
  JWT_ISSUER: z.string().min(1).default('qbm'),
  JWT_AUDIENCE: z.string().min(1).default('qbm-api'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: booleanFromString.optional(),
  LOG_DIR: z.string().min(1).optional(),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  METRICS_HOST: z.string().min(1).default('0.0.0.0'),
  SLOW_QUERY_MS: z.coerce.number().int().min(1).default(100),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  CACHE_ENABLED: booleanFromString.default('true'),
  REQUEST_INSTRUMENTATION: booleanFromString.default('true'),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  // false, true, a hop count, or the gateway's addresses/CIDRs (comma-separated).
  TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|\d{1,2}|[0-9a-fA-F.:/]+(,\s*[0-9a-fA-F.:/]+)*)$/,
      'must be true, false, a hop count or addresses/CIDRs',
    )
    .default('false'),
});

export type ApiEnvironment = z.infer<typeof schema>;

function parseTrustProxy(value: string): boolean | number | string[] {
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((part) => part.trim());
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

// Parsed once at boot; every bad variable is reported in one error. Nothing else reads process.env.
export class ApiConfig {
  readonly env: ApiEnvironment['NODE_ENV'];
  readonly host: string;
  readonly port: number;
  readonly database: { url: string; poolMax: number; slowQueryMs: number };
  readonly redisUrl: string;
  readonly jwt: { secret?: string; publicKey?: string; issuer: string; audience: string };
  readonly log: { level: ApiEnvironment['LOG_LEVEL']; pretty: boolean; dir?: string };
  readonly metrics: { token?: string; port?: number; host: string };
  readonly rateLimitPerMinute: number;
  readonly cacheEnabled: boolean;
  readonly requestInstrumentation: boolean;
  readonly shutdownGraceMs: number;
  // Which X-Forwarded-For hops to believe for the client address (rate limits key on it).
  readonly trustProxy: boolean | number | string[];
  readonly version: string;

  constructor(e: ApiEnvironment, version: string) {
    this.env = e.NODE_ENV;
    this.host = e.API_HOST;
    this.port = e.API_PORT;
    this.database = { url: e.DATABASE_URL, poolMax: e.DATABASE_POOL_MAX, slowQueryMs: e.SLOW_QUERY_MS };
    this.redisUrl = e.REDIS_URL;
    this.jwt = { secret: e.JWT_SECRET, publicKey: e.JWT_PUBLIC_KEY, issuer: e.JWT_ISSUER, audience: e.JWT_AUDIENCE };
    this.log = { level: e.LOG_LEVEL, pretty: e.LOG_PRETTY ?? e.NODE_ENV === 'development', dir: e.LOG_DIR };
    this.metrics = { token: e.METRICS_TOKEN, port: e.METRICS_PORT, host: e.METRICS_HOST };
    this.rateLimitPerMinute = e.RATE_LIMIT_PER_MINUTE;
    this.cacheEnabled = e.CACHE_ENABLED;
    this.requestInstrumentation = e.REQUEST_INSTRUMENTATION;
    this.shutdownGraceMs = e.SHUTDOWN_GRACE_MS;
    this.trustProxy = parseTrustProxy(e.TRUST_PROXY);
    this.version = version;
  }

  // `cli` skips what only a serving process needs (the operator CLI never exposes /metrics).
  static fromEnvironment(source: NodeJS.ProcessEnv, version = '0.0.0', role: 'server' | 'cli' = 'server'): ApiConfig {
    const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
    const parsed = schema.safeParse(present);
    const problems = parsed.success
      ? []
      : parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    // Checked apart from the schema so it is reported together with every other problem.
    if (!present.JWT_SECRET && !present.JWT_PUBLIC_KEY)
      problems.push('JWT_SECRET: required (or JWT_PUBLIC_KEY for RS256)');
    if (role === 'server' && present.NODE_ENV === 'production' && !present.METRICS_TOKEN && !present.METRICS_PORT) {
      problems.push('METRICS_TOKEN: /metrics may not be public in production: set METRICS_TOKEN or METRICS_PORT');
    }
    if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
    return new ApiConfig(parsed.data, version);
  }
}
