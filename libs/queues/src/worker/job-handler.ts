import type { AnyJobContract, PayloadOf, ResultOf } from '@qbm/contracts';
import type { Job } from 'bullmq';

export type QueueJob = Job<unknown, unknown, string>;

// Receives the payload already parsed by the job's schema; its result is checked against the result schema.
export type JobHandler<C extends AnyJobContract> = (payload: PayloadOf<C>, job: QueueJob) => Promise<ResultOf<C>>;

export interface ProcessorOptions {
  // Jobs of this queue run at once in this process (default 1). Processors sharing a queue share
  // one BullMQ worker, which takes the largest concurrency asked for.
  concurrency?: number;
  // How long a job may run before BullMQ considers its worker gone (default 30 s); raise it for long jobs.
  lockDurationMs?: number;
  // How often BullMQ looks for jobs whose worker died (default 30 s); tests shorten it.
  stalledIntervalMs?: number;
}
