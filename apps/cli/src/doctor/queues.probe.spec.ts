import type { Job } from 'bullmq';
import { newestFirst } from './queues.probe';

const job = (id: string, finishedOn?: number): Job => ({ id, finishedOn }) as Job;

describe('newestFirst', () => {
  it('orders failed jobs by when they finished, and jobs of one millisecond by id as a number', () => {
    const jobs = [job('9', 200), job('10', 200), job('12', 100), job('8', 200), job('11', 300), job('13')];
    expect(newestFirst(jobs).map((j) => j.id)).toEqual(['11', '10', '9', '8', '12', '13']);
  });

  it('leaves the jobs it was given as they were', () => {
    const jobs = [job('1', 100), job('2', 200)];
    newestFirst(jobs);
    expect(jobs.map((j) => j.id)).toEqual(['1', '2']);
  });
});
