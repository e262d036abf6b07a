import { drainQueue, PrivateRedis, waitFor } from '@qbm/testing';
import { Queue, Worker } from 'bullmq';
import { runDoctor } from '../../../src/doctor/run-doctor';
import { doctorSettings, sectionOf, tableOf } from '../support/doctor-test-settings';

// Real BullMQ queues on a redis-server of the spec's own: the doctor must read what BullMQ wrote.
describe('qbm doctor: queues', () => {
  let server: PrivateRedis;
  let connection: { host: string; port: number };
  let predictions: Queue;
  const workers: Worker[] = [];
  let release: () => void = () => undefined;

  beforeAll(async () => {
    server = await PrivateRedis.start();
    connection = { host: '127.0.0.1', port: server.port };
    predictions = new Queue('predictions', { connection });
  });
  afterAll(async () => {
    release();
    await Promise.all(workers.map((worker) => worker.close()));
    await predictions.close();
    await server.stop();
  });

  const doctorOn = (queues: string[]) => runDoctor(doctorSettings({ redisUrl: server.url, queues }));

  it('says so when no queue is defined yet', async () => {
    const queues = sectionOf(await runDoctor(doctorSettings({ redisUrl: server.url })), 'queues');
    expect(queues).toMatchObject({ status: 'ok', reason: 'no queues defined yet', tables: {} });
  });

  it('is ok for a queue that has work but no failures, and counts an unknown queue as empty', async () => {
    await predictions.addBulk([1, 2].map((n) => ({ name: 'predict-metric', data: { n } })));
    const queues = sectionOf(await doctorOn(['predictions', 'notifications']), 'queues');
    expect(queues).toMatchObject({ status: 'ok', reason: '2 queue(s), 2 waiting, no failed jobs' });
    expect(tableOf(queues, 'depths')[1]).toEqual({
      queue: 'notifications',
      wait: 0,
      active: 0,
      paused: 0,
      prioritized: 0,
      delayed: 0,
      failed: 0,
      completed: 0,
      is_paused: false,
    });
    expect(tableOf(queues, 'recent_failures')).toEqual([]);
    await predictions.drain();
  });

  it('counts jobs by state and lists the five most recent failures, newest first', async () => {
    // Four that complete and six that fail, one at a time, so they finish in order.
    const finishing = new Worker(
      'predictions',
      async (job) => {
        if (job.name === 'fails') throw new Error(`model timed out after ${String(job.data.n)} s`);
        return Promise.resolve('ok');
      },
      { connection, concurrency: 1 },
    );
    workers.push(finishing);
    await predictions.addBulk([
      ...[1, 2, 3, 4].map((n) => ({ name: 'predict-metric', data: { n } })),
      ...[1, 2, 3, 4, 5, 6].map((n) => ({ name: 'fails', data: { n }, opts: { attempts: 1 } })),
    ]);
    await drainQueue(predictions);
    await finishing.close();

    // One job held by a worker (active), then three waiting, one prioritized and two delayed.
    const held = new Promise<void>((resolve) => (release = resolve));
    const holding = new Worker('predictions', () => held, { connection, concurrency: 1 });
    workers.push(holding);
    await predictions.add('predict-okr', {});
    await waitFor(async () => ((await predictions.getActiveCount()) === 1 ? true : undefined));
    await predictions.addBulk([1, 2, 3].map((n) => ({ name: 'predict-metric', data: { n } })));
    await predictions.add('predict-metric', {}, { priority: 1 });
    await predictions.add('predict-metric', {}, { delay: 60_000 });
    await predictions.add('predict-metric', {}, { delay: 60_000 });

    const queues = sectionOf(await doctorOn(['predictions']), 'queues');

    expect(tableOf(queues, 'depths')).toEqual([
      {
        queue: 'predictions',
        wait: 3,
        active: 1,
        paused: 0,
        prioritized: 1,
        delayed: 2,
        failed: 6,
        completed: 4,
        is_paused: false,
      },
    ]);
    expect(queues.figures).toEqual({ queues: 1, waiting: 4, active: 1, delayed: 2, failed: 6 });
    const failures = tableOf(queues, 'recent_failures');
    expect(failures.map((row) => row.reason)).toEqual([6, 5, 4, 3, 2].map((n) => `model timed out after ${n} s`));
    expect(failures[0]).toEqual({
      queue: 'predictions',
      id: expect.any(String),
      name: 'fails',
      failed_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      attempts: 1,
      reason: 'model timed out after 6 s',
    });
    expect(queues.status).toBe('warn');
    expect(queues.reason).toBe('predictions: 6 failed job(s), latest "model timed out after 6 s"');
  });

  it('says when a queue is paused', async () => {
    await predictions.pause();
    const [depths] = tableOf(sectionOf(await doctorOn(['predictions']), 'queues'), 'depths');
    expect(depths?.is_paused).toBe(true);
    await predictions.resume();
  });
});
