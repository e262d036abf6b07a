import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Reflector } from '@nestjs/core';
import { HealthRegistry, PUBLIC_ROUTE, ShutdownState } from '../../src';
import { HealthController } from '../../src/health/health.controller';
import { MetricsController } from '../../src/metrics/metrics.controller';
import { createTestApp } from './support/test-app';

interface DetailedBody {
  status: string;
  timestamp: string;
  version: string;
  checks: Record<string, Record<string, unknown>>;
}

describe('health endpoints', () => {
  let app: NestFastifyApplication;
  let queueRuns = 0;

  beforeAll(async () => {
    app = await createTestApp({ options: { healthCacheMs: 1_000 } });
    app.get(HealthRegistry).register({
      name: 'queues',
      readiness: false,
      run: () => {
        queueRuns++;
        return Promise.resolve({ backlog: { predictions: 3 } });
      },
    });
  });

  afterAll(async () => {
    await app.close();
  });

  it('GET /health answers in the guide shape', async () => {
    const response = await app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    const body = response.json<Record<string, string>>();
    expect(body).toMatchObject({ status: 'healthy', version: '9.9.9-test' });
    expect(new Date(body.timestamp ?? '').toISOString()).toBe(body.timestamp);
  });

  it('GET /health/live reports the process and its event loop', async () => {
    const response = await app.inject({ method: 'GET', url: '/health/live' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'ok',
      uptime_seconds: expect.any(Number) as number,
      event_loop_delay_p99_ms: expect.any(Number) as number,
    });
  });

  it('GET /health/detailed has the guide shape, other registered checks and measured times', async () => {
    const response = await app.inject({ method: 'GET', url: '/health/detailed' });
    expect(response.statusCode).toBe(200);
    const body = response.json<DetailedBody>();
    expect(body.status).toBe('healthy');
    expect(body.version).toBe('9.9.9-test');
    expect(body.checks.queues).toMatchObject({ status: 'healthy', backlog: { predictions: 3 } });
    expect(body.checks.queues?.response_time_ms).toEqual(expect.any(Number));
    const system = body.checks.system ?? {};
    for (const field of ['cpu_usage', 'memory_usage', 'disk_usage']) expect(system[field]).toMatch(/^\d+(\.\d)?%$/);
    expect(['healthy', 'warning']).toContain(system.status);
  });

  it('caches /health/detailed for a few seconds', async () => {
    const first = (await app.inject({ method: 'GET', url: '/health/detailed?a' })).json<DetailedBody>();
    const runsAfterFirst = queueRuns;
    const second = (await app.inject({ method: 'GET', url: '/health/detailed?b' })).json<DetailedBody>();
    expect(second.timestamp).toBe(first.timestamp);
    expect(queueRuns).toBe(runsAfterFirst);

    await new Promise((resolve) => setTimeout(resolve, 1_050));
    const third = (await app.inject({ method: 'GET', url: '/health/detailed' })).json<DetailedBody>();
    expect(third.timestamp).not.toBe(first.timestamp);
    expect(queueRuns).toBe(runsAfterFirst + 1);
  });

  it("marks every endpoint public to the app's user authentication", () => {
    const reflector = app.get(Reflector);
    const isPublic = (handler: (...args: never[]) => unknown): boolean | undefined =>
      reflector.get<boolean | undefined>(PUBLIC_ROUTE, handler);
    const health = HealthController.prototype;
    for (const handler of [health.health, health.live, health.ready, health.detailed]) {
      expect(isPublic(handler)).toBe(true);
    }
    expect(isPublic(MetricsController.prototype.scrape)).toBe(true);
  });

  it('refuses to register a check under the reserved name "system"', () => {
    expect(() =>
      app.get(HealthRegistry).register({ name: 'system', readiness: false, run: () => Promise.resolve() }),
    ).toThrow(/reserved/);
  });

  it('GET /health/ready answers 200 with no failing check, then 503 once shutdown starts', async () => {
    expect((await app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
    app.get(ShutdownState).beforeApplicationShutdown();
    const draining = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(draining.statusCode).toBe(503);
    expect(draining.json()).toMatchObject({ status: 'draining' });
  });
});

describe('/health/detailed with an ops token', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp({ options: { metricsToken: 'ops-token-0123456789' } });
  });

  afterAll(async () => {
    await app.close();
  });

  it('requires the token as a bearer token, as /metrics does', async () => {
    expect((await app.inject({ method: 'GET', url: '/health/detailed' })).statusCode).toBe(401);
    const wrong = await app.inject({ method: 'GET', url: '/health/detailed', headers: { authorization: 'Bearer no' } });
    expect(wrong.statusCode).toBe(401);
    const right = await app.inject({
      method: 'GET',
      url: '/health/detailed',
      headers: { authorization: 'Bearer ops-token-0123456789' },
    });
    expect(right.statusCode).toBe(200);
    expect(right.json()).toMatchObject({ status: 'healthy', service: 'api' });
  });

  it('keeps the probes open', async () => {
    for (const url of ['/health', '/health/live', '/health/ready']) {
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(200);
    }
  });
});

describe('shutdown', () => {
  it('flips readiness to draining through the real shutdown hook', async () => {
    const app = await createTestApp();
    const state = app.get(ShutdownState);
    expect(state.isDraining).toBe(false);
    await app.close();
    expect(state.isDraining).toBe(true);
  });
});
