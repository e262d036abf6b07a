import Redis from 'ioredis';
import { runDoctor } from '../../../src/cli/doctor/run-doctor';
import { testRedisUrl } from '../../setup/test-database';
import { doctorSettings, sectionOf, tableOf } from './doctor-test-settings';
import { simulateQueue, SimulatedFailure } from './simulated-queue';

describe('qbm doctor: queues', () => {
  let redis: Redis;

  beforeAll(() => {
    redis = new Redis(testRedisUrl());
  });
  afterAll(() => redis.disconnect());
  beforeEach(async () => {
    await redis.flushdb();
  });

  it('says so when no queue is defined yet', async () => {
    const queues = sectionOf(await runDoctor(doctorSettings()), 'queues');
    expect(queues).toMatchObject({ status: 'ok', reason: 'no queues defined yet', tables: {} });
  });

  it('counts a queue’s jobs by state and lists its five most recent failures, newest first', async () => {
    const at = Date.UTC(2026, 2, 1, 9, 0, 0);
    const failed: SimulatedFailure[] = [1, 2, 3, 4, 5, 6].map((n) => ({
      id: String(n),
      name: 'predict-metric',
      reason: `model timed out after ${n} s`,
      finishedOn: at + n * 60_000,
      attempts: 3,
    }));
    failed[5] = { ...failed[5]!, hashRemoved: true }; // the newest failure's hash was removed
    await simulateQueue(redis, 'predictions', {
      wait: 3,
      active: 1,
      delayed: 2,
      prioritized: 1,
      completed: 4,
      failed,
      paused: true,
    });

    const queues = sectionOf(await runDoctor(doctorSettings({ queues: ['predictions', 'notifications'] })), 'queues');

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
        is_paused: true,
      },
      {
        queue: 'notifications',
        wait: 0,
        active: 0,
        paused: 0,
        prioritized: 0,
        delayed: 0,
        failed: 0,
        completed: 0,
        is_paused: false,
      },
    ]);
    expect(queues.figures).toEqual({ queues: 2, waiting: 4, active: 1, delayed: 2, failed: 6 });
    const failures = tableOf(queues, 'recent_failures');
    expect(failures.map((row) => row.id)).toEqual(['6', '5', '4', '3', '2']);
    expect(failures[0]).toEqual({
      queue: 'predictions',
      id: '6',
      name: null,
      failed_at: null,
      attempts: null,
      reason: '(job data removed)',
    });
    expect(failures[1]).toEqual({
      queue: 'predictions',
      id: '5',
      name: 'predict-metric',
      failed_at: new Date(at + 5 * 60_000).toISOString(),
      attempts: 3,
      reason: 'model timed out after 5 s',
    });
    expect(queues.status).toBe('warn');
    expect(queues.reason).toBe('predictions: 6 failed job(s), latest "(job data removed)"');
  });

  it('is ok for queues that have work but no failures', async () => {
    await simulateQueue(redis, 'notifications', {
      wait: 2,
      active: 0,
      delayed: 0,
      prioritized: 0,
      completed: 10,
      failed: [],
    });
    const queues = sectionOf(await runDoctor(doctorSettings({ queues: ['notifications'] })), 'queues');
    expect(queues).toMatchObject({ status: 'ok', reason: '1 queue(s), 2 waiting, no failed jobs' });
    expect(tableOf(queues, 'recent_failures')).toEqual([]);
  });
});
