import type { QueueJob } from './job-handler';
import { type BatchItem, JobBatcher } from './job-batcher';

const job = { id: '1' } as QueueJob;

describe('JobBatcher', () => {
  afterEach(() => jest.useRealTimers());

  it('hands a full batch over at once and gives each job its own result', async () => {
    const batches: number[][] = [];
    const batcher = new JobBatcher<number, number>(
      (items: ReadonlyArray<BatchItem<number>>) => {
        batches.push(items.map((item) => item.payload));
        return Promise.resolve(items.map((item) => item.payload * 10));
      },
      { maxSize: 3, maxWaitMs: 60_000 },
    );
    const results = await Promise.all([1, 2, 3].map((n) => batcher.submit(n, job)));
    expect(results).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('hands a partial batch over once its first job has waited maxWaitMs', async () => {
    jest.useFakeTimers();
    const handler = jest.fn((items: ReadonlyArray<BatchItem<string>>) =>
      Promise.resolve(items.map((item) => item.payload.toUpperCase())),
    );
    const batcher = new JobBatcher(handler, { maxSize: 10, maxWaitMs: 200 });
    const pending = Promise.all([batcher.submit('a', job), batcher.submit('b', job)]);
    jest.advanceTimersByTime(199);
    expect(handler).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    await expect(pending).resolves.toEqual(['A', 'B']);
  });

  it('with maxWaitMs 0, hands over what arrived in the same turn at once, without a timer', async () => {
    const batches: string[][] = [];
    const batcher = new JobBatcher<string, string>(
      (items) => {
        batches.push(items.map((item) => item.payload));
        return Promise.resolve(items.map((item) => item.payload));
      },
      { maxSize: 10, maxWaitMs: 0 },
    );
    await Promise.all([batcher.submit('a', job), batcher.submit('b', job)]);
    await batcher.submit('c', job);
    expect(batches).toEqual([['a', 'b'], ['c']]);
  });

  it('fails every job of a batch whose handler throws or miscounts', async () => {
    const failing = new JobBatcher<number, number>(() => Promise.reject(new Error('model down')), {
      maxSize: 2,
      maxWaitMs: 60_000,
    });
    const outcomes = await Promise.allSettled([failing.submit(1, job), failing.submit(2, job)]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);

    // A handler that throws at once (before returning a promise) fails the jobs the same way,
    // also when the batch is flushed by its timer.
    const throwing = new JobBatcher<number, number>(
      () => {
        throw new Error('models are still loading');
      },
      { maxSize: 5, maxWaitMs: 1 },
    );
    await expect(throwing.submit(1, job)).rejects.toThrow('models are still loading');

    const miscounting = new JobBatcher<number, number>(() => Promise.resolve([1]), { maxSize: 2, maxWaitMs: 60_000 });
    await expect(Promise.all([miscounting.submit(1, job), miscounting.submit(2, job)])).rejects.toThrow(
      'returned 1 results for 2 jobs',
    );
  });
});
