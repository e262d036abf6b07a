import type { z } from 'zod';
import type { QueueName } from './queue-names';

// Shaped like BullMQ's JobsOptions so a producer can pass them through; contracts stay zod-only.
export interface JobDefaults {
  attempts: number;
  // jitter (0..1) spreads retries of jobs that failed together, e.g. during one outage.
  backoff: { type: 'exponential' | 'fixed'; delay: number; jitter?: number };
  // Finished jobs are kept until older than `age` seconds or beyond the newest `count`.
  removeOnComplete: { age: number; count: number };
  removeOnFail: { age: number; count: number };
}

// One job kind on one queue: what it carries, what it returns and how it is retried and kept.
// Schemas must accept what they produce (no transforms): the worker parses the stored payload again.
// Payloads are objects: the producer adds the request id beside the payload's own fields.
export type PayloadSchema = z.ZodType<Record<string, unknown>, z.ZodTypeDef, unknown>;

export interface JobContract<
  Name extends string = string,
  Payload extends PayloadSchema = PayloadSchema,
  Result extends z.ZodTypeAny = z.ZodTypeAny,
> {
  queue: QueueName;
  name: Name;
  payload: Payload;
  result: Result;
  defaults: JobDefaults;
  // A deterministic job id: BullMQ ignores an add whose id is still kept, so the retention age of
  // the job is the dedupe window. The id must not contain ':' nor be an integer (BullMQ refuses both).
  // A method, so a contract with a specific payload still counts as an AnyJobContract.
  jobId?(payload: z.output<Payload>): string;
}

export type AnyJobContract = JobContract<string, PayloadSchema, z.ZodTypeAny>;

export function defineJob<Name extends string, Payload extends PayloadSchema, Result extends z.ZodTypeAny>(
  contract: JobContract<Name, Payload, Result>,
): JobContract<Name, Payload, Result> {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(contract.name)) {
    throw new Error(`Job name "${contract.name}" is not kebab-case`);
  }
  return contract;
}

// What a producer passes (before parsing) and what a handler receives (after parsing).
export type PayloadInputOf<C extends AnyJobContract> = z.input<C['payload']>;
export type PayloadOf<C extends AnyJobContract> = z.output<C['payload']>;
export type ResultOf<C extends AnyJobContract> = z.output<C['result']>;
