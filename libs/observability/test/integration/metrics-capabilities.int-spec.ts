import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { register as globalRegistry, Registry } from 'prom-client';
import {
  cacheMetrics,
  httpMetrics,
  METRIC_CATALOGUE,
  NotificationMetrics,
  notificationMetrics,
  queueMetrics,
  QueueInstrumentation,
  TypeOrmInstrumentation,
} from '../../src';
import { sampleValue } from '@qbm/testing';
import { createTestApp, scrape } from './support/test-app';

const namesIn = (text: string): Set<string> =>
  new Set([...text.matchAll(/^# TYPE (\S+) /gm)].map((match) => match[1] ?? ''));

const catalogueNames = (capability: string): string[] =>
  METRIC_CATALOGUE.filter((metric) => metric.capability === capability).map((metric) => metric.name);

describe('metrics capabilities', () => {
  let worker: NestFastifyApplication;
  let api: NestFastifyApplication;

  beforeAll(async () => {
    worker = await createTestApp({ options: { service: 'notifier' }, metrics: [queueMetrics()] });
    api = await createTestApp({
      metrics: [httpMetrics(), cacheMetrics({ cacheTypes: ['reports'] })],
    });
  });

  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it('exposes the core series, Node defaults and only the capabilities a service registered', async () => {
    const names = namesIn(await scrape(worker));
    for (const name of [...catalogueNames('core'), ...catalogueNames('queue')]) expect(names).toContain(name);
    for (const capability of ['http', 'database', 'cache', 'ai', 'notifications']) {
      for (const name of catalogueNames(capability)) expect(names).not.toContain(name);
    }
    expect(names).toContain('process_cpu_seconds_total');
    expect(names).toContain('nodejs_eventloop_lag_seconds');
    // Gauges named *_total that promtool rejects.
    expect(names).not.toContain('nodejs_active_handles_total');
  });

  it('starts the cache types the app declared at zero, and no others', async () => {
    const text = await scrape(api);
    expect(sampleValue(text, 'cache_hits_total', { cache_type: 'reports' })).toBe(0);
    expect(
      sampleValue(text, 'cache_operation_duration_seconds_count', { cache_type: 'reports', operation: 'get' }),
    ).toBe(0);
    expect(text).not.toContain('cache_type="objectives"');
  });

  it("keeps one registry per app and leaves prom-client's global registry empty", async () => {
    expect(worker.get(Registry)).not.toBe(api.get(Registry));
    expect(await scrape(worker)).toContain('qbm_build_info{service="notifier",version="9.9.9-test"} 1');
    expect(await scrape(api)).not.toContain('service="notifier"');
    expect(globalRegistry.getMetricsAsArray()).toEqual([]);
  });

  it('counts a restarted worker of a queue', async () => {
    const queues = worker.get(QueueInstrumentation);
    queues.observe({ name: 'alerts', getJobCounts: () => Promise.resolve({}) }, ['deliver']);
    expect(sampleValue(await scrape(worker), 'queue_worker_restarts_total', { queue: 'alerts' })).toBe(0);
    queues.workerRestarted('alerts');
    queues.workerRestarted('alerts');
    expect(sampleValue(await scrape(worker), 'queue_worker_restarts_total', { queue: 'alerts' })).toBe(2);
  });

  it('counts a job refused for its payload as invalid, and a heartbeat as worker activity', async () => {
    const queues = worker.get(QueueInstrumentation);
    queues.observe({ name: 'alerts', getJobCounts: () => Promise.resolve({}) }, ['raise-alert']);
    const labels = { queue: 'alerts', job_name: 'raise-alert' };
    expect(sampleValue(await scrape(worker), 'queue_jobs_processed_total', { ...labels, result: 'invalid' })).toBe(0);
    queues.jobInvalid('alerts', { name: 'raise-alert', id: '1', data: {} });
    const before = Date.now() / 1000;
    queues.workerHeartbeat('alerts');
    const text = await scrape(worker);
    expect(sampleValue(text, 'queue_jobs_processed_total', { ...labels, result: 'invalid' })).toBe(1);
    expect(sampleValue(text, 'queue_jobs_processed_total', { ...labels, result: 'failed' })).toBe(0);
    expect(sampleValue(text, 'queue_worker_last_active_timestamp_seconds', { queue: 'alerts' })).toBeGreaterThanOrEqual(
      before,
    );
  });

  it('provides no instrumentation for a capability the app did not register', () => {
    expect(() => api.get(TypeOrmInstrumentation)).toThrow();
    expect(() => api.get(QueueInstrumentation)).toThrow();
  });

  it("starts the notifier's channels and severities at zero and counts deliveries", async () => {
    const notifier = await createTestApp({
      options: { service: 'notifier' },
      metrics: [notificationMetrics({ channels: ['email', 'slack'], severities: ['critical', 'warning'] })],
    });
    try {
      let text = await scrape(notifier);
      for (const channel of ['email', 'slack']) {
        for (const severity of ['critical', 'warning']) {
          for (const result of ['delivered', 'failed']) {
            expect(sampleValue(text, 'notifications_total', { channel, severity, result })).toBe(0);
          }
        }
        expect(sampleValue(text, 'notification_delivery_duration_seconds_count', { channel })).toBe(0);
      }
      expect(sampleValue(text, 'notifications_deduplicated_total')).toBe(0);

      const metrics = notifier.get(NotificationMetrics);
      metrics.notificationsTotal.inc({ channel: 'slack', severity: 'critical', result: 'delivered' });
      metrics.notificationDeliveryDuration.observe({ channel: 'slack' }, 0.2);
      metrics.notificationsDeduplicatedTotal.inc();
      text = await scrape(notifier);
      expect(
        sampleValue(text, 'notifications_total', { channel: 'slack', severity: 'critical', result: 'delivered' }),
      ).toBe(1);
      expect(sampleValue(text, 'notification_delivery_duration_seconds_bucket', { channel: 'slack', le: '0.25' })).toBe(
        1,
      );
      expect(sampleValue(text, 'notifications_deduplicated_total')).toBe(1);
    } finally {
      await notifier.close();
    }
  });

  it('refuses a capability registered twice', async () => {
    await expect(createTestApp({ metrics: [queueMetrics(), queueMetrics()] })).rejects.toThrow(/registered twice/);
  });
});
