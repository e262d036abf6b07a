import type Redis from 'ioredis';

export interface SimulatedFailure {
  id: string;
  name: string;
  reason: string;
  finishedOn: number;
  attempts: number;
  // BullMQ removes a job's hash with removeOnFail; its id can outlive it in the failed set.
  hashRemoved?: boolean;
}

// Writes keys the way BullMQ lays them out (prefix "bull"), so the doctor can be tested with no BullMQ at all.
export async function simulateQueue(
  redis: Redis,
  queue: string,
  jobs: {
    wait: number;
    active: number;
    delayed: number;
    prioritized: number;
    completed: number;
    failed: SimulatedFailure[];
    paused?: boolean;
  },
): Promise<void> {
  const base = `bull:${queue}`;
  const now = Date.now();
  const ids = (state: string, count: number): string[] => Array.from({ length: count }, (_, i) => `${state}-${i + 1}`);
  const multi = redis.multi();
  if (jobs.wait > 0) multi.rpush(`${base}:wait`, ...ids('w', jobs.wait));
  if (jobs.active > 0) multi.rpush(`${base}:active`, ...ids('a', jobs.active));
  for (const id of ids('d', jobs.delayed)) multi.zadd(`${base}:delayed`, now + 60_000, id);
  for (const id of ids('p', jobs.prioritized)) multi.zadd(`${base}:prioritized`, 1, id);
  for (const id of ids('c', jobs.completed)) multi.zadd(`${base}:completed`, now, id);
  for (const job of jobs.failed) {
    multi.zadd(`${base}:failed`, job.finishedOn, job.id);
    if (!job.hashRemoved) {
      multi.hset(`${base}:${job.id}`, {
        name: job.name,
        data: '{}',
        failedReason: job.reason,
        finishedOn: String(job.finishedOn),
        attemptsMade: String(job.attempts),
      });
    }
  }
  if (jobs.paused) multi.hset(`${base}:meta`, 'paused', '1');
  await multi.exec();
}
