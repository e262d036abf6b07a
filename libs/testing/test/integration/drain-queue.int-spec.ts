import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { drainQueue, PrivateRedis } from '../../src';

describe('drainQueue', () => {
  let server: PrivateRedis;
  let connection: { host: string; port: number };

  beforeAll(async () => {
    server = await PrivateRedis.start();
    connection = { host: '127.0.0.1', port: server.port };
  });
  afterAll(() => server.stop());

  it('returns once waiting, delayed and active jobs have all finished, failures included', async () => {
    const queue = new Queue('drain-probe', { connection });
    const done: string[] = [];
    const worker = new Worker(
      'drain-probe',
      async (job) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        if (job.name === 'fail') throw new Error('asked to fail');
        done.push(job.name);
      },
      { connection, concurrency: 2 },
    );
    try {
      await queue.addBulk([
        { name: 'a', data: {} },
        { name: 'b', data: {} },
        { name: 'fail', data: {} },
      ]);
      await queue.add('later', {}, { delay: 300 });
      await drainQueue(queue);
      expect(done.sort()).toEqual(['a', 'b', 'later']);
      expect(await queue.getJobCounts('completed', 'failed')).toEqual({ completed: 3, failed: 1 });
    } finally {
      await worker.close();
      await queue.close();
    }
  });

  it('times out, naming what is left, when nothing takes the jobs; a shared client is left open', async () => {
    const client = new Redis({ ...connection, maxRetriesPerRequest: null });
    const queue = new Queue('drain-stuck', { connection: client });
    try {
      await queue.add('waits', {});
      await expect(drainQueue(queue, { timeoutMs: 400 })).rejects.toThrow(
        /queue drain-stuck did not drain within 400 ms: .*"waiting":1/,
      );
      expect(client.status).toBe('ready');
    } finally {
      await queue.close();
      await client.quit();
    }
  });
});
