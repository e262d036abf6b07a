import { NestFastifyApplication } from '@nestjs/platform-fastify';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { Role, TokenService } from '@qbm/http';
import { ApiConfig } from '../../src/config/api.config';
import { testDatabaseUrl, testRedisUrl } from './test-database';

export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret!';

export interface TestApp {
  app: NestFastifyApplication;
  config: ApiConfig;
  dataSource: DataSource;
  redis: Redis;
  token(org: string, role?: Role, sub?: string): string;
  truncate(): Promise<void>;
  close(): Promise<void>;
}

const TABLES = [
  'key_result_check_ins',
  'key_results',
  'okrs',
  'metric_values',
  'north_star_metrics',
  'decision_requirements',
  'strategic_objectives',
  'code_sequences',
];

// Boots the real application (production pipes, guards, filter) against the test database and Redis.
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const config = ApiConfig.fromEnvironment(
    {
      NODE_ENV: 'test',
      DATABASE_URL: testDatabaseUrl(),
      REDIS_URL: testRedisUrl(),
      JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_MINUTE: '100000',
      ...env,
    },
    '0.0.0-test',
  );
  const app = await createApp(config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const dataSource = app.get(DataSource);
  const redis = app.get(Redis);
  const tokens = app.get(TokenService);
  return {
    app,
    config,
    dataSource,
    redis,
    token: (org, role = 'admin', sub = `${role}@${org}`) => tokens.sign({ organizationId: org, role, subject: sub }),
    truncate: async () => {
      await dataSource.query(`TRUNCATE ${TABLES.join(', ')} CASCADE`);
      await redis.flushdb().catch(() => undefined);
    },
    close: () => app.close(),
  };
}

export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}
