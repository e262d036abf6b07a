import {
  assertTestDatabase,
  flushTestRedis,
  freePort,
  openTestDataSource,
  testDatabaseUrl,
  testRedisUrl,
} from '@qbm/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Role } from '@qbm/http';
import { TokenService } from '@qbm/http';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { NotifierConfig } from '../../src/config/notifier.config';

export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret!';
export const TEST_WEBHOOK_TOKEN = 'test-webhook-token-0123456789';
export const TEST_EMAIL_TO = 'oncall@example.test';

const TABLES = [
  'notifier_delivery_attempts',
  'notifier_notifications',
  'notifier_alert_batches',
  'notifier_dedupe_keys',
];

export interface TestNotifier {
  app: NestFastifyApplication;
  url: string;
  config: NotifierConfig;
  dataSource: DataSource;
  redis: Redis;
  // The notifications queue, for waiting on it to drain.
  queue: Queue;
  token(role?: Role): string;
  post(payload: unknown, token?: string): Promise<Response>;
  states(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

// The environment every notifier test starts from; a spec adds its SMTP port and routing file.
export function testEnvironment(extra: Record<string, string>): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: testDatabaseUrl('notifier'),
    REDIS_URL: testRedisUrl(),
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: process.env.QBM_TEST_LOG_LEVEL ?? 'silent',
    NOTIFIER_WEBHOOK_TOKEN: TEST_WEBHOOK_TOKEN,
    SMTP_HOST: '127.0.0.1',
    SMTP_SECURE: 'false',
    ALERT_EMAIL_TO: TEST_EMAIL_TO,
    NOTIFIER_RETRY_ATTEMPTS: '3',
    NOTIFIER_RETRY_DELAY_MS: '200',
    NOTIFIER_SEND_TIMEOUT_MS: '3000',
    ...extra,
  };
}

// Empties the notifier's tables and its Redis database (this run's own: QBM_TEST_REDIS_DB), each
// behind the harness's guard on the live connection. The notifier maps no entities (its repositories
// write SQL), so its tables are named here rather than read from metadata.
export async function resetState(): Promise<void> {
  const dataSource = await openTestDataSource({ type: 'postgres', url: testDatabaseUrl('notifier') });
  try {
    await dataSource.query(`TRUNCATE ${TABLES.join(', ')}`);
  } finally {
    await dataSource.destroy();
  }
  const redis = new Redis(testRedisUrl());
  try {
    await flushTestRedis(redis);
  } finally {
    redis.disconnect();
  }
}

// Boots the real application (production pipes, guards, filter, workers) on a loopback port.
export async function startTestNotifier(env: Record<string, string>): Promise<TestNotifier> {
  const config = NotifierConfig.fromEnvironment(testEnvironment(env), '0.0.0-test');
  const app = await createApp(config);
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${port}`;
  const dataSource = app.get(DataSource);
  // Whatever env a spec passed, the app must really be on a test database before anything runs.
  await assertTestDatabase(dataSource).catch(async (error: unknown) => {
    await app.close();
    throw error;
  });
  const tokens = app.get(TokenService);
  const queue = new Queue('notifications', { connection: { url: testRedisUrl() } });
  return {
    app,
    url,
    config,
    dataSource,
    redis: app.get(Redis),
    queue,
    token: (role = 'admin') => tokens.sign({ organizationId: 'ops', role, subject: `${role}@ops` }),
    post: (payload, token = TEST_WEBHOOK_TOKEN) =>
      fetch(`${url}/api/v1/alerts/alertmanager`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(payload),
      }),
    states: async () => {
      const rows: Array<{ state: string; count: string }> = await dataSource.query(
        `SELECT state, count(*) FROM notifier_notifications GROUP BY state`,
      );
      return Object.fromEntries(rows.map((row) => [row.state, Number(row.count)]));
    },
    close: async () => {
      await queue.close();
      await app.close();
    },
  };
}
