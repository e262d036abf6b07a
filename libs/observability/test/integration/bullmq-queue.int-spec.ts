import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type Job, Queue, Worker } from 'bullmq';
import { currentRequestId, QueueInstrumentation, requestContext, withRequestId } from '../../src';
import { sampleValue, testRedisUrl } from '@qbm/testing';
import { Redis } from 'ioredis';
import { createTestApp, scrape } from './support/test-app';

interface EchoPayload {
  fail: boolean;
  requestId?: string;
}

// The queue wrappers against a real BullMQ on the real Redis: a request id stamped by the producer
// is the worker's, and every job moves the queue metrics.
describe('queue instrumentation with BullMQ', () => {
  // This run's own database on the shared Redis; the queue's random name keeps it apart from any other.
  const connection = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
  const name = `obs-test-${randomUUID()}`;
  let app: NestFastifyApplication;
  let queue: Queue<EchoPayload>;
  let worker: Worker<EchoPayload, string | undefined>;
  const finished: Array<{ id?: string; result?: string; failed: boolean }> = [];
  let settle: () => void = () => undefined;

  beforeAll(async () => {
    app = await createTestApp();
    const queues = app.get(QueueInstrumentation);
    queue = new Queue<EchoPayload>(name, { connection });
    queues.observe(queue, ['echo']);
    worker = new Worker<EchoPayload, string | undefined>(
      name,
      (job: Job<EchoPayload>) =>
        queues.process(name, job, () => {
          if (job.data.fail) return Promise.reject(new Error('asked to fail'));
          return Promise.resolve(currentRequestId());
        }),
      { connection },
    );
    worker.on('completed', (job, result) => {
      finished.push({ id: job.id, result, failed: false });
      if (finished.length === 2) settle();
    });
    worker.on('failed', (job) => {
      finished.push({ id: job?.id, failed: true });
      if (finished.length === 2) settle();
    });
    await worker.waitUntilReady();
  });

  afterAll(async () => {
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
    await connection.quit();
    await app.close();
  });

  it('carries the request id to the worker and counts, times and sizes the jobs', async () => {
    const done = new Promise<void>((resolve) => (settle = resolve));
    await requestContext.run({ requestId: 'req-from-http-77' }, async () => {
      await queue.add('echo', withRequestId({ fail: false }), { attempts: 1 });
      await queue.add('echo', withRequestId({ fail: true }), { attempts: 1 });
    });
    await done;

    expect(finished.find((job) => !job.failed)?.result).toBe('req-from-http-77');
    const text = await scrape(app);
    const labels = { queue: name, job_name: 'echo' };
    expect(sampleValue(text, 'queue_jobs_processed_total', { ...labels, result: 'completed' })).toBe(1);
    expect(sampleValue(text, 'queue_jobs_processed_total', { ...labels, result: 'failed' })).toBe(1);
    expect(sampleValue(text, 'queue_job_duration_seconds_count', labels)).toBe(2);
    expect(sampleValue(text, 'queue_worker_last_active_timestamp_seconds', { queue: name })).toBeGreaterThan(
      Date.now() / 1000 - 60,
    );
    expect(sampleValue(text, 'queue_jobs', { queue: name, state: 'completed' })).toBe(1);
    expect(sampleValue(text, 'queue_jobs', { queue: name, state: 'failed' })).toBe(1);
    expect(sampleValue(text, 'queue_jobs', { queue: name, state: 'waiting' })).toBe(0);
  });
});
