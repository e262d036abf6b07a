import { join } from 'node:path';
import { testDatabaseUrl, testRedisUrl } from '@qbm/testing';
import { REPOSITORY_ROOT } from './repository-paths';

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

// The inference service's MODEL_DIR, kept across runs (CI may cache it): the base models are
// trained once, by the global setup, and every later run (and every spec's suite) loads them.
export function suiteModelDir(): string {
  return process.env.QBM_SUITE_MODEL_DIR ?? join(REPOSITORY_ROOT, 'node_modules', '.cache', 'qbm-suite-models');
}

// The inference service as the suite runs it: the shipped models, its ledger scored every second
// (a closed OKR shows in ai_model_accuracy at the next scrape rather than a minute later).
export function inferenceEnvironment(redisUrl?: string): Record<string, string> {
  return {
    ...baseEnvironment(redisUrl),
    MODEL_DIR: suiteModelDir(),
    INFERENCE_LEDGER_INTERVAL_MS: '1000',
  };
}
