import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  AiMetrics,
  CacheMetrics,
  NotificationMetrics,
  OpsPortServer,
  QueueInstrumentation,
  QueueMetrics,
} from '../../src';
import { hasPromtool, PROMTOOL, promtoolCheckMetrics } from '@qbm/testing';
import { createTestApp, scrape } from './support/test-app';

describe('GET /metrics', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp({ options: { metricsToken: 's3cret-token' } });
  });

  afterAll(async () => {
    await app.close();
  });

  it('refuses a scrape without the token, or with a wrong one', async () => {
    expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    const wrong = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer nope' } });
    expect(wrong.statusCode).toBe(401);
    const basic = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 's3cret-token' } });
    expect(basic.statusCode).toBe(401);
  });

  it('serves the text exposition format with the token', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: 'Bearer s3cret-token' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.body).toContain('qbm_build_info{service="api",version="9.9.9-test"} 1');
  });

  const check = hasPromtool ? it : it.skip;
  if (!hasPromtool) console.warn(`promtool check skipped: ${PROMTOOL} is not installed`);

  check('passes `promtool check metrics` with every metric family populated', async () => {
    const ai = app.get(AiMetrics);
    ai.seedModel('okr-success');
    ai.aiPredictionsTotal.inc({ model: 'okr-success', status: 'success' });
    ai.aiModelAccuracy.set({ model: 'okr-success' }, 0.83);
    app.get(QueueMetrics).seedQueue('predictions', ['predict-okr']);
    app.get(QueueMetrics).queueWorkerLastActive.set({ queue: 'predictions' }, Date.now() / 1000);
    app.get(QueueInstrumentation).workerRestarted('predictions');
    app.get(CacheMetrics).cacheOperationDuration.observe({ cache_type: 'okrs', operation: 'get' }, 0.002);
    const notifications = app.get(NotificationMetrics);
    notifications.notificationsTotal.inc({ channel: 'slack', severity: 'critical', result: 'delivered' });
    notifications.notificationDeliveryDuration.observe({ channel: 'slack' }, 0.3);
    notifications.notificationsDeduplicatedTotal.inc();
    await app.inject({ method: 'GET', url: '/api/v1/okrs/1' });
    await app.inject({ method: 'GET', url: '/api/v1/okrs/boom' });
    await app.inject({ method: 'GET', url: '/unknown' });

    const text = await scrape(app, { authorization: 'Bearer s3cret-token' });
    const { code, output } = await promtoolCheckMetrics(text);
    expect(output).toBe('');
    expect(code).toBe(0);
  });

  it('lets promtool catch a broken exposition (the check can fail)', async () => {
    if (!hasPromtool) return;
    const { code } = await promtoolCheckMetrics('# TYPE broken counter\nbroken{a="1" 1\n');
    expect(code).not.toBe(0);
  });
});

describe('/metrics and /health/detailed on a separate port', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp({ options: { metricsPort: 0, metricsHost: '127.0.0.1', metricsToken: 'port-token' } });
  });

  afterAll(async () => {
    await app.close();
  });

  it('serves metrics only on the metrics port, still behind the token', async () => {
    expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
    const port = app.get(OpsPortServer).port();
    expect(port).toEqual(expect.any(Number));
    const base = `http://127.0.0.1:${String(port)}`;
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    const scraped = await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer port-token' } });
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('api_requests_total');
    expect((await fetch(`${base}/health`)).status).toBe(404);
  });

  it('serves detailed health only on the metrics port, behind the same token', async () => {
    const publicAnswer = await app.inject({
      method: 'GET',
      url: '/health/detailed',
      headers: { authorization: 'Bearer port-token' },
    });
    expect(publicAnswer.statusCode).toBe(404);
    const base = `http://127.0.0.1:${String(app.get(OpsPortServer).port())}`;
    expect((await fetch(`${base}/health/detailed`)).status).toBe(401);
    const detailed = await fetch(`${base}/health/detailed`, { headers: { authorization: 'Bearer port-token' } });
    expect(detailed.status).toBe(200);
    expect(detailed.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await detailed.json()).toMatchObject({ status: 'healthy', version: '9.9.9-test', checks: { system: {} } });
  });
});
