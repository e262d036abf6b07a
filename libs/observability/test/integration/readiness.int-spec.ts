import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { databaseCheck, HealthRegistry, redisCheck } from '../../src';
import { freePort, PrivateRedis, TcpProxy } from '@qbm/testing';
import { openObservabilityDataSource, POSTGRES_PORT } from './support/test-database';
import { createTestApp } from './support/test-app';

const CHECK_TIMEOUT_MS = 300;
// Generous for a shared 2-core machine, still far below what a hung dependency would take.
const ANSWER_WITHIN_MS = CHECK_TIMEOUT_MS + 400;

describe('readiness against dependencies that go away and come back', () => {
  let app: NestFastifyApplication;
  let redisServer: PrivateRedis;
  let redis: Redis;
  let postgresProxy: TcpProxy;
  let dataSource: DataSource;
  let closing = false;

  beforeAll(async () => {
    redisServer = await PrivateRedis.start();
    redis = new Redis({
      host: '127.0.0.1',
      port: redisServer.port,
      retryStrategy: () => (closing ? null : 100),
      maxRetriesPerRequest: 1,
      // ioredis otherwise keeps a 2 s timer per dropped socket, holding jest open.
      disconnectTimeout: 100,
    });
    postgresProxy = new TcpProxy(await freePort(), POSTGRES_PORT);
    await postgresProxy.start();
    dataSource = await openObservabilityDataSource(postgresProxy.port, 2);

    app = await createTestApp();
    const registry = app.get(HealthRegistry);
    registry.register(databaseCheck(dataSource, CHECK_TIMEOUT_MS));
    registry.register(redisCheck(redis, CHECK_TIMEOUT_MS));
  });

  afterAll(async () => {
    await app.close();
    // ioredis may reconnect after disconnect() if it was mid-reconnect; this stops it for sure.
    closing = true;
    redis.disconnect();
    await dataSource.destroy();
    await postgresProxy.stop();
    await redisServer.stop();
  });

  const ready = async (): Promise<{ statusCode: number; elapsedMs: number; body: Record<string, unknown> }> => {
    const started = Date.now();
    const response = await app.inject({ method: 'GET', url: '/health/ready' });
    return { statusCode: response.statusCode, elapsedMs: Date.now() - started, body: response.json() };
  };

  const eventually = async (statusCode: number): Promise<void> => {
    const deadline = Date.now() + 10_000;
    let last = await ready();
    while (last.statusCode !== statusCode && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      last = await ready();
    }
    expect(last.statusCode).toBe(statusCode);
  };

  it('is ready while Postgres and Redis answer, with measured response times', async () => {
    const { statusCode, body } = await ready();
    expect(statusCode).toBe(200);
    expect(body).toMatchObject({
      status: 'ready',
      checks: { database: { status: 'up' }, redis: { status: 'up' } },
    });
    const checks = body.checks as Record<string, { response_time_ms: number }>;
    expect(checks.database?.response_time_ms).toBeGreaterThan(0);
    expect(checks.redis?.response_time_ms).toBeGreaterThan(0);
  });

  it('turns 503 within the check timeout when Redis stops, and 200 once it is back', async () => {
    await redisServer.kill();
    const down = await ready();
    expect(down.statusCode).toBe(503);
    expect(down.elapsedMs).toBeLessThan(ANSWER_WITHIN_MS);
    expect(down.body).toMatchObject({
      status: 'not_ready',
      checks: { redis: { status: 'down' }, database: { status: 'up' } },
    });
    // Public endpoint: says down, never why.
    expect(JSON.stringify(down.body)).not.toMatch(/ECONNREFUSED|timed out/);

    await redisServer.restart();
    await eventually(200);
  });

  it('turns 503 within the check timeout when Postgres is unreachable, and 200 once it is back', async () => {
    await postgresProxy.stop();
    const down = await ready();
    expect(down.statusCode).toBe(503);
    expect(down.elapsedMs).toBeLessThan(ANSWER_WITHIN_MS);
    expect(down.body).toMatchObject({ checks: { database: { status: 'down' }, redis: { status: 'up' } } });

    await postgresProxy.start();
    await eventually(200);
  });

  it('reports the failure and its cause in /health/detailed', async () => {
    await redisServer.kill();
    const response = await app.inject({ method: 'GET', url: '/health/detailed' });
    await redisServer.restart();
    const body = response.json<{ status: string; checks: Record<string, Record<string, unknown>> }>();
    expect(body.status).toBe('unhealthy');
    expect(body.checks.redis).toMatchObject({ status: 'unhealthy', error: expect.any(String) as string });
    expect(body.checks.database).toMatchObject({ status: 'healthy' });
  });
});
