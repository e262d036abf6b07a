import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PinoLogger } from 'nestjs-pino';
import { currentRequestId, HealthRegistry, QueueInstrumentation, type QueueLike, queueCheck } from '../../src';
import { sampleValue } from '@qbm/testing';
import { createTestApp, scrape } from './support/test-app';

class FakeQueue implements QueueLike {
  counts: Record<string, number> = { waiting: 4, active: 1, delayed: 0, completed: 10, failed: 2, paused: 0 };
  fail = false;

  constructor(readonly name: string) {}

  getJobCounts(...types: string[]): Promise<Record<string, number>> {
    if (this.fail) return Promise.reject(new Error('Connection is closed'));
    return Promise.resolve(Object.fromEntries(types.map((type) => [type, this.counts[type] ?? 0])));
  }
}

describe('queue instrumentation', () => {
  let app: NestFastifyApplication;
  let queues: QueueInstrumentation;
  let logDir: string;
  const queue = new FakeQueue('predictions');

  beforeAll(async () => {
    logDir = mkdtempSync(join(tmpdir(), 'qbm-queue-logs-'));
    app = await createTestApp({ options: { logLevel: 'info', logDir } });
    queues = app.get(QueueInstrumentation);
    queues.observe(queue, ['predict-okr']);
    app.get(HealthRegistry).register(queueCheck([queue]));
  });

  afterAll(async () => {
    await app.close();
    rmSync(logDir, { recursive: true, force: true });
  });

  it('reads queue depths by state at scrape time and keeps them when Redis fails', async () => {
    let text = await scrape(app);
    expect(sampleValue(text, 'queue_jobs', { queue: 'predictions', state: 'waiting' })).toBe(4);
    expect(sampleValue(text, 'queue_jobs', { queue: 'predictions', state: 'failed' })).toBe(2);

    queue.counts.waiting = 9;
    text = await scrape(app);
    expect(sampleValue(text, 'queue_jobs', { queue: 'predictions', state: 'waiting' })).toBe(9);

    queue.fail = true;
    text = await scrape(app);
    queue.fail = false;
    expect(sampleValue(text, 'queue_jobs', { queue: 'predictions', state: 'waiting' })).toBe(9);
  });

  it('counts completed and failed jobs, times them and marks the worker active', async () => {
    const job = { name: 'predict-okr', id: '17', data: { okrId: '1' } };
    const before = Date.now() / 1000;
    await expect(queues.process('predictions', job, () => Promise.resolve('ok'))).resolves.toBe('ok');
    await expect(queues.process('predictions', job, () => Promise.reject(new Error('model missing')))).rejects.toThrow(
      'model missing',
    );

    const text = await scrape(app);
    const labels = { queue: 'predictions', job_name: 'predict-okr' };
    expect(sampleValue(text, 'queue_jobs_processed_total', { ...labels, result: 'completed' })).toBe(1);
    expect(sampleValue(text, 'queue_jobs_processed_total', { ...labels, result: 'failed' })).toBe(1);
    expect(sampleValue(text, 'queue_job_duration_seconds_count', labels)).toBe(2);
    expect(
      sampleValue(text, 'queue_worker_last_active_timestamp_seconds', { queue: 'predictions' }),
    ).toBeGreaterThanOrEqual(Math.floor(before));
  });

  it('counts and times a deferred job (BullMQ DelayedError) as neither completed nor failed', async () => {
    const job = { name: 'predict-okr', id: '19', data: { okrId: '3' } };
    const labels = { queue: 'predictions', job_name: 'predict-okr' };
    const before = await scrape(app);
    const deferral = Object.assign(new Error('bullmq:movedToDelayed'), { name: 'DelayedError' });
    await expect(queues.process('predictions', job, () => Promise.reject(deferral))).rejects.toBe(deferral);
    const after = await scrape(app);
    for (const result of ['completed', 'failed']) {
      const series = { ...labels, result };
      expect(sampleValue(after, 'queue_jobs_processed_total', series)).toBe(
        sampleValue(before, 'queue_jobs_processed_total', series),
      );
    }
    expect(sampleValue(after, 'queue_job_duration_seconds_count', labels)).toBe(
      sampleValue(before, 'queue_job_duration_seconds_count', labels),
    );
  });

  it('runs the job under the request id its producer stamped, in context and in logs', async () => {
    const logger = await app.resolve(PinoLogger);
    const job = { name: 'predict-okr', id: '18', data: { okrId: '2', requestId: 'from-http-7' } };
    const seen = await queues.process('predictions', job, () => {
      logger.info('predicting inside the job');
      return Promise.resolve(currentRequestId());
    });
    expect(seen).toBe('from-http-7');
    const line = readFileSync(join(logDir, 'app.log'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((text) => JSON.parse(text) as Record<string, unknown>)
      .find((entry) => entry.msg === 'predicting inside the job');
    expect(line).toMatchObject({ request_id: 'from-http-7', queue: 'predictions', job: 'predict-okr', job_id: '18' });
  });

  it('shows each queue backlog in /health/detailed', async () => {
    const body = (await app.inject({ method: 'GET', url: '/health/detailed' })).json<{
      checks: Record<string, Record<string, unknown>>;
    }>();
    expect(body.checks.queues).toMatchObject({
      status: 'healthy',
      backlog: { predictions: { waiting: 9, active: 1, delayed: 0, failed: 2 } },
    });
  });
});
