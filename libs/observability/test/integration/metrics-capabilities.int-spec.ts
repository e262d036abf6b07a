import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { register as globalRegistry, Registry } from 'prom-client';
import {
  cacheMetrics,
  httpMetrics,
  METRIC_CATALOGUE,
  queueMetrics,
  QueueInstrumentation,
  TypeOrmInstrumentation,
} from '../../src';
import { createTestApp, sampleValue, scrape } from './support/test-app';

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

  it('provides no instrumentation for a capability the app did not register', () => {
    expect(() => api.get(TypeOrmInstrumentation)).toThrow();
    expect(() => api.get(QueueInstrumentation)).toThrow();
  });

  it('refuses a capability registered twice', async () => {
    await expect(createTestApp({ metrics: [queueMetrics(), queueMetrics()] })).rejects.toThrow(/registered twice/);
  });
});
