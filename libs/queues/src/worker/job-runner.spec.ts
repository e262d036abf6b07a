import { Logger } from '@nestjs/common';
import { defineJob, QUEUE_NAMES } from '@qbm/contracts';
import type { QueueInstrumentation } from '@qbm/observability';
import { DelayedError, UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import type { QueueJob } from './job-handler';
import { createJobRunner } from './job-runner';

const echoJob = defineJob({
  queue: QUEUE_NAMES.alerts,
  name: 'echo-test',
  payload: z.object({ text: z.string() }),
  result: z.object({ echoed: z.string() }),
  defaults: {
    attempts: 3,
    backoff: { type: 'fixed', delay: 10 },
    removeOnComplete: { age: 60, count: 10 },
    removeOnFail: { age: 60, count: 10 },
  },
});

function jobWith(data: unknown): QueueJob {
  return { id: '7', name: 'echo-test', data, attemptsMade: 0, opts: { attempts: 3 } } as QueueJob;
}

describe('createJobRunner', () => {
  const recorded: string[] = [];
  const instrumentation = {
    process: <T>(_queue: string, _job: unknown, handler: () => Promise<T>) => {
      recorded.push('process');
      return handler();
    },
    jobInvalid: () => recorded.push('invalid'),
  } as unknown as QueueInstrumentation;

  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => (recorded.length = 0));

  it('hands the parsed payload, without the request id, to the handler and returns its checked result', async () => {
    const handler = jest.fn((payload: { text: string }) => Promise.resolve({ echoed: payload.text }));
    const run = createJobRunner(echoJob, handler, instrumentation);
    await expect(run(jobWith({ text: 'hi', requestId: 'req-1' }))).resolves.toEqual({ echoed: 'hi' });
    expect(handler).toHaveBeenCalledWith({ text: 'hi' }, expect.anything());
    expect(recorded).toEqual(['process']);
  });

  it('refuses a payload outside the schema as unrecoverable, counted invalid, without running the handler', async () => {
    const handler = jest.fn(() => Promise.resolve({ echoed: '' }));
    const run = createJobRunner(echoJob, handler, instrumentation);
    const failure = run(jobWith({ text: 42 }));
    await expect(failure).rejects.toBeInstanceOf(UnrecoverableError);
    await expect(failure).rejects.toThrow('JOB.INVALID_PAYLOAD: echo-test: text: Expected string, received number');
    expect(handler).not.toHaveBeenCalled();
    expect(recorded).toEqual(['invalid']);
  });

  it('fails a result outside the schema as unrecoverable', async () => {
    const run = createJobRunner(echoJob, () => Promise.resolve({ echoed: 1 } as never), instrumentation);
    await expect(run(jobWith({ text: 'hi' }))).rejects.toThrow('JOB.INVALID_RESULT: echo-test: echoed');
  });

  it('lets a handler failure through for BullMQ to retry', async () => {
    const run = createJobRunner(echoJob, () => Promise.reject(new Error('smtp down')), instrumentation);
    const failure = run(jobWith({ text: 'hi' }));
    await expect(failure).rejects.toThrow('smtp down');
    await expect(failure).rejects.not.toBeInstanceOf(UnrecoverableError);
  });

  it('passes a deferral through without logging it as a failed attempt', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    const run = createJobRunner(echoJob, () => Promise.reject(new DelayedError()), instrumentation);
    await expect(run(jobWith({ text: 'hi' }))).rejects.toBeInstanceOf(DelayedError);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});
