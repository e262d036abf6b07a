import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { raiseAlertJob } from '@qbm/contracts';
import { Queue } from 'bullmq';
import { JobProducer } from '../../src';
import { firingAlert } from './support/alert.fixture';
import { PrivateRedis, waitFor } from '@qbm/testing';
import { createQueuesTestApp } from './support/queues-test-app';

// Each spec starts a redis-server and a service; on a shared, busy machine that can outlast 5 s.
jest.setTimeout(30_000);

interface Gate {
  opened: Promise<void>;
  open: () => void;
}

function gate(): Gate {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

// Shutdown stops the workers first and lets the job in hand finish, up to the grace period.
describe('graceful close', () => {
  const prefix = 'qbm-test';
  let redis: PrivateRedis;
  let observer: Queue;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    // Its own connection, so it can watch the service's worker from outside while the service closes.
    observer = new Queue('alerts', { connection: { host: '127.0.0.1', port: redis.port }, prefix });
  });

  afterAll(async () => {
    await observer?.close();
    await redis?.stop();
  });

  async function startService(graceMs: number, finish: Gate, started: Gate): Promise<NestFastifyApplication> {
    return createQueuesTestApp({
      queues: { redisUrl: redis.url, prefix, shutdownGraceMs: graceMs },
      register: (workers) =>
        workers.process(raiseAlertJob, async () => {
          started.open();
          await finish.opened;
          return { deliveredTo: ['slack'] };
        }),
    });
  }

  it('drains the job in flight before the service stops', async () => {
    const started = gate();
    const finish = gate();
    const app = await startService(10_000, finish, started);
    const job = await app.get(JobProducer).enqueue('raise-alert', firingAlert());
    await started.opened;
    expect(await observer.getWorkersCount()).toBe(1);

    let closed = false;
    const closing = app.close().then(() => (closed = true));
    // The worker has stopped fetching (its blocking connection is gone) but still holds the job.
    await waitFor(async () => ((await observer.getWorkersCount()) === 0 ? true : undefined));
    expect(closed).toBe(false);

    finish.open();
    await closing;
    const finished = await observer.getJob(job.id ?? '');
    expect(await finished?.getState()).toBe('completed');
    expect(finished?.returnvalue).toEqual({ deliveredTo: ['slack'] });
  });

  it('stops waiting after the grace period and leaves the job to the stalled-job check', async () => {
    const started = gate();
    const finish = gate();
    const app = await startService(300, finish, started);
    const job = await app.get(JobProducer).enqueue('raise-alert', firingAlert());
    await started.opened;

    await app.close();
    expect(await (await observer.getJob(job.id ?? ''))?.getState()).toBe('active');
    finish.open();
  });
});
