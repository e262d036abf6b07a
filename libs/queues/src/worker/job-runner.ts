import { Logger } from '@nestjs/common';
import type { AnyJobContract } from '@qbm/contracts';
import { isDeferral, JOB_REQUEST_ID_FIELD, type QueueInstrumentation } from '@qbm/observability';
import { UnrecoverableError } from 'bullmq';
import { describeIssues, InvalidJobPayloadError } from '../job-payload.errors';
import type { JobHandler, QueueJob } from './job-handler';

export const INVALID_RESULT_CODE = 'JOB.INVALID_RESULT';

export type RunJob = (job: QueueJob) => Promise<unknown>;

// One job of one contract: parse the payload, run the handler under the queue metrics and the
// producer's request id, check the result. A payload that fails its schema cannot succeed on a
// retry, so it goes straight to failed with the schema's reasons.
export function createJobRunner<C extends AnyJobContract>(
  contract: C,
  handler: JobHandler<C>,
  instrumentation: QueueInstrumentation,
): RunJob {
  const logger = new Logger(`Job ${contract.name}`);
  return async (job) => {
    const parsed = contract.payload.safeParse(withoutRequestId(job.data));
    if (!parsed.success) {
      const error = new InvalidJobPayloadError(contract.name, parsed.error.issues);
      instrumentation.jobInvalid(contract.queue, job);
      logger.warn(`job ${job.id ?? '?'}: ${error.message}`);
      throw new UnrecoverableError(error.message);
    }
    return instrumentation.process<unknown>(contract.queue, job, async () => {
      let output: unknown;
      try {
        output = await handler(parsed.data, job);
      } catch (error: unknown) {
        // A deferral (DelayedError...) is the handler's choice, not a failed attempt.
        if (isDeferral(error)) throw error;
        const message = error instanceof Error ? error.message : String(error);
        logger.warn(`job ${job.id ?? '?'} attempt ${job.attemptsMade + 1}/${job.opts.attempts ?? 1}: ${message}`);
        throw error;
      }
      const result = contract.result.safeParse(output);
      if (!result.success) {
        // A handler bug, not a passing fault: retrying would repeat its side effects for nothing.
        const reason = `${INVALID_RESULT_CODE}: ${contract.name}: ${describeIssues(result.error.issues)}`;
        logger.error(`job ${job.id ?? '?'}: ${reason}`);
        throw new UnrecoverableError(reason);
      }
      const checked: unknown = result.data;
      return checked;
    });
  };
}

// The producer's request id rides along in the data; it is not part of the job's payload.
function withoutRequestId(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || !(JOB_REQUEST_ID_FIELD in data)) return data;
  const rest: Record<string, unknown> = { ...data };
  delete rest[JOB_REQUEST_ID_FIELD];
  return rest;
}
