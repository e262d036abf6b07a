import { NestFastifyApplication } from '@nestjs/platform-fastify';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { Role, TokenService } from '@qbm/http';
import {
  assertTestDatabase,
  flushTestRedis,
  testDatabaseUrl,
  testRedisUrl,
  TestTargetRefusedError,
  truncateEntityTables,
} from '@qbm/testing';
import { ApiConfig } from '../../src/config/api.config';

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

// Boots the real application (production pipes, guards, filter) against the test database and Redis.
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const config = ApiConfig.fromEnvironment(
    {
      NODE_ENV: 'test',
      DATABASE_URL: testDatabaseUrl('api'),
      REDIS_URL: testRedisUrl(),
      JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_MINUTE: '100000',
      // The overdue-requirement monitor's own spec calls scan(); no timer in the other specs.
      REQUIREMENT_OVERDUE_SCAN_SECONDS: '0',
      ...env,
    },
    '0.0.0-test',
  );
  const app = await createApp(config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const dataSource = app.get(DataSource);
  const redis = app.get(Redis);
  // Whatever env a spec passed, the app must really be on a test database before anything runs.
  await assertTestDatabase(dataSource).catch(async (error: unknown) => {
    await app.close();
    throw error;
  });
  const tokens = app.get(TokenService);
  return {
    app,
    config,
    dataSource,
    redis,
    token: (org, role = 'admin', sub = `${role}@${org}`) => tokens.sign({ organizationId: org, role, subject: sub }),
    truncate: async () => {
      await truncateEntityTables(dataSource);
      // Redis may be down on purpose (the outage specs); only the guard's refusal is an error.
      await flushTestRedis(redis).catch((error: unknown) => {
        if (error instanceof TestTargetRefusedError) throw error;
      });
    },
    close: () => app.close(),
  };
}

export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}
