import { Injectable } from '@nestjs/common';
import { type AnyJobContract, JOB_CATALOGUE, type JobName, type JobPayloadInput } from '@qbm/contracts';
import { withRequestId } from '@qbm/observability';
import type { Job, JobsOptions } from 'bullmq';
import { InvalidJobPayloadError } from '../job-payload.errors';
import { QueueRegistry } from './queue-registry.service';

// What a producer may change per call; retention and dedupe stay the contract's.
export type EnqueueOptions = Pick<JobsOptions, 'delay' | 'priority' | 'attempts' | 'backoff' | 'jobId'>;

@Injectable()
export class JobProducer {
  constructor(private readonly queues: QueueRegistry) {}

  // The payload's type is the job's: a wrong shape for `name` does not compile, and it is parsed
  // here too, so a bad payload fails in the caller rather than in a worker later.
  async enqueue<N extends JobName>(name: N, payload: JobPayloadInput<N>, options: EnqueueOptions = {}): Promise<Job> {
    const contract: AnyJobContract = JOB_CATALOGUE[name];
    const parsed = contract.payload.safeParse(payload);
    if (!parsed.success) throw new InvalidJobPayloadError(name, parsed.error.issues);
    const jobId = contract.jobId?.(parsed.data);
    return this.queues.get(contract.queue).add(name, withRequestId(parsed.data), {
      ...contract.defaults,
      ...(jobId === undefined ? {} : { jobId }),
      ...options,
    });
  }
}
