import { testDatabaseUrl, testRedisUrl } from '@qbm/testing';

export const SUITE_JWT_SECRET = 'suite-e2e-secret-suite-e2e-secret!!';
export const SUITE_METRICS_TOKEN = 'suite-e2e-metrics-token';
export const SUITE_WEBHOOK_TOKEN = 'suite-e2e-webhook-token-0123';
export const SUITE_EMAIL_TO = 'oncall@example.test';

// One database for both services, as in production (compose's `qbm`): each keeps its own
// migrations table. The suite's own database and this run's Redis index keep it apart from others.
export function suiteDatabaseUrl(): string {
  return testDatabaseUrl('suite-e2e');
}

// What both services run with: production mode, so /metrics needs the token and errors carry no internals.
export function baseEnvironment(redisUrl = testRedisUrl()): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    DATABASE_URL: suiteDatabaseUrl(),
    REDIS_URL: redisUrl,
    JWT_SECRET: SUITE_JWT_SECRET,
    METRICS_TOKEN: SUITE_METRICS_TOKEN,
    LOG_LEVEL: process.env.QBM_TEST_LOG_LEVEL ?? 'warn',
  };
}
