import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { raiseAlertJob } from '@qbm/contracts';
import { type HealthCheck, HealthRegistry } from '@qbm/observability';
import { QueueEvents } from 'bullmq';
import { JobProducer, WorkerWatchdog } from '../../src';
import { firingAlert } from './support/alert.fixture';
import { PrivateRedis, sampleValue, waitFor } from '@qbm/testing';
import { createQueuesTestApp, scrape } from './support/queues-test-app';

// Each spec starts a redis-server and a service; on a shared, busy machine that can outlast 5 s.
jest.setTimeout(30_000);

// BullMQ's known failure mode, provoked for real: the private redis-server is killed and started
// again on the same port. The watchdog reports the stalled worker, then recreates it.
describe('worker watchdog', () => {
  const prefix = 'qbm-test';
  const STALL_AFTER_MS = 1_000;
  let redis: PrivateRedis;
  let app: NestFastifyApplication;
  let health: HealthCheck;
  const handled: string[] = [];

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    app = await createQueuesTestApp({
      queues: {
        redisUrl: redis.url,
        prefix,
        shutdownGraceMs: 2_000,
        watchdog: { intervalMs: 100, stallAfterMs: STALL_AFTER_MS },
      },
      register: (workers) =>
        workers.process(raiseAlertJob, (alert) => {
          handled.push(alert.fingerprint);
          return Promise.resolve({ deliveredTo: ['email'] });
        }),
    });
    const check = app
      .get(HealthRegistry)
      .all()
      .find((candidate) => candidate.name === 'queues');
    if (!check) throw new Error('the queues health check is not registered');
    health = check;
  });

  afterAll(async () => {
    await app?.close();
    await redis?.stop();
  });

  async function processOne(): Promise<void> {
    const alert = firingAlert();
    const events = new QueueEvents('alerts', { connection: { host: '127.0.0.1', port: redis.port }, prefix });
    try {
      await events.waitUntilReady();
      // The producer fails fast while its connection comes back, so the first tries may throw.
      const job = await waitFor(() => app.get(JobProducer).enqueue('raise-alert', alert));
      await job.waitUntilFinished(events, 10_000);
    } finally {
      await events.close();
    }
    expect(handled).toContain(alert.fingerprint);
  }

  const restarts = async (): Promise<number | undefined> =>
    sampleValue(await scrape(app), 'queue_worker_restarts_total', { queue: 'alerts' });
  const lastActive = async (): Promise<number | undefined> =>
    sampleValue(await scrape(app), 'queue_worker_last_active_timestamp_seconds', { queue: 'alerts' });

  it('beats while the worker keeps up, even with nothing to do', async () => {
    await processOne();
    await app.get(WorkerWatchdog).check();
    await expect(health.run()).resolves.toMatchObject({ connection: 'ready', workers: { alerts: { backlog: 0 } } });
    const first = await lastActive();
    expect(first).toBeGreaterThan(0);
    await waitFor(async () => ((await lastActive()) ?? 0) > (first ?? 0) || undefined);
    expect(await restarts()).toBe(0);
  });

  it('reports the stall during the outage, restarts the worker once Redis is back, and counts it', async () => {
    await redis.kill();

    const reason = await waitFor(() =>
      health.run().then(
        () => undefined,
        (error: Error) => (error.message.includes('stalled') ? error.message : undefined),
      ),
    );
    expect(reason).toMatch(/worker of alerts stalled: blocking connection not ready for \d+\.\d s/);
    expect(reason).toMatch(/queue connection is (?!ready)\w+/);
    // Nothing is recreated while Redis is away.
    expect(await restarts()).toBe(0);

    await redis.restart();
    await waitFor(async () => ((await restarts()) === 1 ? true : undefined), { timeoutMs: 15_000 });
    await waitFor(() => health.run().then(() => true));

    await processOne();
    expect(await restarts()).toBe(1);
  });
});
