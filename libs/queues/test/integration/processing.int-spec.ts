import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type RaiseAlertPayload, raiseAlertJob } from '@qbm/contracts';
import { requestContext } from '@qbm/observability';
import { QueueEvents } from 'bullmq';
import { InvalidJobPayloadError, JobProducer, QueueRegistry } from '../../src';
import { firingAlert } from './support/alert.fixture';
import { PrivateRedis, sampleValue } from '@qbm/testing';
import { createQueuesTestApp, scrape } from './support/queues-test-app';

// Each spec starts a redis-server and a service; on a shared, busy machine that can outlast 5 s.
jest.setTimeout(30_000);

// Real BullMQ on a private redis-server: the producer, the processor registration and the metrics.
describe('enqueue and process', () => {
  const prefix = 'qbm-test';
  const labels = { queue: 'alerts', job_name: 'raise-alert' };
  let redis: PrivateRedis;
  let app: NestFastifyApplication;
  let events: QueueEvents;
  const handled: Array<{ alert: RaiseAlertPayload; attempt: number }> = [];
  let returnBadResult = false;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    app = await createQueuesTestApp({
      queues: { redisUrl: redis.url, prefix },
      register: (workers) =>
        workers.process(raiseAlertJob, (alert, job) => {
          handled.push({ alert, attempt: job.attemptsMade + 1 });
          const deliveredTo = returnBadResult ? ['pager'] : ['slack'];
          return Promise.resolve({ deliveredTo } as { deliveredTo: Array<'slack'> });
        }),
    });
    events = new QueueEvents('alerts', { connection: { host: '127.0.0.1', port: redis.port }, prefix });
    await events.waitUntilReady();
  });

  afterAll(async () => {
    await events?.close();
    await app?.close();
    await redis?.stop();
  });

  it('processes a good job: payload parsed, result checked, request id carried, metrics counted', async () => {
    const alert = firingAlert();
    const job = await requestContext.run({ requestId: 'req-queues-1' }, () =>
      app.get(JobProducer).enqueue('raise-alert', alert),
    );

    await expect(job.waitUntilFinished(events, 10_000)).resolves.toEqual({ deliveredTo: ['slack'] });
    expect(job.data).toEqual({ ...alert, requestId: 'req-queues-1' });
    expect(handled.at(-1)).toEqual({ alert, attempt: 1 });
    expect(job.id).toBe(raiseAlertJob.jobId?.(alert));
    expect(job.opts).toMatchObject({
      attempts: raiseAlertJob.defaults.attempts,
      backoff: raiseAlertJob.defaults.backoff,
    });

    const text = await scrape(app);
    expect(sampleValue(text, 'queue_jobs_processed_total', { ...labels, result: 'completed' })).toBe(1);
    expect(sampleValue(text, 'queue_job_duration_seconds_count', labels)).toBe(1);
    expect(sampleValue(text, 'queue_jobs_processed_total', { ...labels, result: 'invalid' })).toBe(0);
  });

  it('sends a malformed job to failed on its first attempt, with the schema reasons, counted as invalid', async () => {
    const malformed = { ...firingAlert(), severity: 'page', fingerprint: undefined };
    const handledBefore = handled.length;
    // Past the producer's own check, as an older or foreign producer would.
    const job = await app.get(QueueRegistry).get('alerts').add('raise-alert', malformed, { attempts: 5 });

    await expect(job.waitUntilFinished(events, 10_000)).rejects.toThrow('JOB.INVALID_PAYLOAD');
    const failed = await app
      .get(QueueRegistry)
      .get('alerts')
      .getJob(job.id ?? '');
    expect(await failed?.getState()).toBe('failed');
    expect(failed?.attemptsMade).toBe(1);
    expect(failed?.failedReason).toMatch(/severity: Invalid enum value.*fingerprint: Required/);
    expect(handled).toHaveLength(handledBefore);

    const text = await scrape(app);
    expect(sampleValue(text, 'queue_jobs_processed_total', { ...labels, result: 'invalid' })).toBe(1);
    expect(sampleValue(text, 'queue_jobs_processed_total', { ...labels, result: 'failed' })).toBe(0);
  });

  it('fails a job whose handler returns a result outside its schema, without retrying it', async () => {
    returnBadResult = true;
    const job = await app.get(JobProducer).enqueue('raise-alert', firingAlert(), { attempts: 3 });
    await expect(job.waitUntilFinished(events, 10_000)).rejects.toThrow('JOB.INVALID_RESULT');
    returnBadResult = false;

    const failed = await app
      .get(QueueRegistry)
      .get('alerts')
      .getJob(job.id ?? '');
    expect(failed?.attemptsMade).toBe(1);
    const text = await scrape(app);
    expect(sampleValue(text, 'queue_jobs_processed_total', { ...labels, result: 'failed' })).toBe(1);
  });

  it('refuses a wrong payload in the producer, before it reaches Redis', async () => {
    const queue = app.get(QueueRegistry).get('alerts');
    const before = await queue.count();
    const wrong = { ...firingAlert(), status: 'resolved' } as RaiseAlertPayload;
    await expect(app.get(JobProducer).enqueue('raise-alert', wrong)).rejects.toThrow(InvalidJobPayloadError);
    await expect(app.get(JobProducer).enqueue('raise-alert', wrong)).rejects.toThrow(
      'endsAt: a resolved alert needs endsAt',
    );
    expect(await queue.count()).toBe(before);
  });

  it('enqueues one job per alert state change: a repeated alert is deduplicated', async () => {
    const alert = firingAlert();
    const first = await app.get(JobProducer).enqueue('raise-alert', alert);
    await first.waitUntilFinished(events, 10_000);
    const handledBefore = handled.length;
    const again = await app.get(JobProducer).enqueue('raise-alert', alert);

    expect(again.id).toBe(first.id);
    const resolved = await app.get(JobProducer).enqueue('raise-alert', {
      ...alert,
      status: 'resolved',
      endsAt: '2026-03-01T10:30:00.000Z',
    });
    await resolved.waitUntilFinished(events, 10_000);
    expect(handled.slice(handledBefore).map((entry) => entry.alert.status)).toEqual(['resolved']);
  });
});
