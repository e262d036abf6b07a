import type { z } from 'zod';
import type { QueueName } from './queue-names';

export interface JobDefaults {
  attempts: number;
  backoff: { type: 'exponential' | 'fixed'; delay: number };
  removeOnComplete: { age: number; count: number };
  removeOnFail: { age: number };
}

// One job kind on one queue: its name, the schema its payload must pass, and default options.
export interface JobContract<Name extends string, Schema extends z.ZodTypeAny> {
  queue: QueueName;
  name: Name;
  schema: Schema;
  defaults: JobDefaults;
}

export function defineJob<Name extends string, Schema extends z.ZodTypeAny>(
  contract: JobContract<Name, Schema>,
): JobContract<Name, Schema> {
  return contract;
}

export type PayloadOf<C> = C extends JobContract<string, infer S> ? z.infer<S> : never;
