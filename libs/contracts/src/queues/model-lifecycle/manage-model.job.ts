import { z } from 'zod';
import { defineJob, type PayloadOf, type ResultOf } from '../job-contract';
import { QUEUE_NAMES } from '../queue-names';
import { MODEL_NAMES } from '../predictions/predict.job';

// What `pnpm qbm train|promote|rollback` does, asked of the inference service by the API's admin routes.
const manageModelPayload = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('train'),
    model: z.enum(MODEL_NAMES),
    seed: z.number().int().min(0).max(2_147_483_646),
    // Promote the new version if it beats the live one (`train --promote`).
    promote: z.boolean(),
    requestedBy: z.string().max(200),
  }),
  z.object({
    action: z.literal('promote'),
    model: z.enum(MODEL_NAMES),
    // The newest version when absent.
    version: z.string().min(1).max(200).optional(),
    requestedBy: z.string().max(200),
  }),
  z.object({ action: z.literal('rollback'), model: z.enum(MODEL_NAMES), requestedBy: z.string().max(200) }),
]);

const manageModelResult = z.object({
  action: z.enum(['train', 'promote', 'rollback']),
  model: z.enum(MODEL_NAMES),
  // The version trained, promoted or now served.
  version: z.string(),
  promoted: z.boolean(),
  reason: z.string(),
  // Held-out score of a trained version.
  score: z.object({ name: z.string(), value: z.number() }).optional(),
});

// WARNING: the job name is stored with every job in Redis. Never rename it.
export const manageModelJob = defineJob({
  queue: QUEUE_NAMES.modelLifecycle,
  name: 'manage-model',
  payload: manageModelPayload,
  result: manageModelResult,
  defaults: {
    // Training is minutes of CPU and a refused promotion is an answer: never retried behind the admin's back.
    attempts: 1,
    backoff: { type: 'fixed', delay: 1_000 },
    removeOnComplete: { age: 7 * 24 * 3600, count: 1_000 },
    removeOnFail: { age: 7 * 24 * 3600, count: 1_000 },
  },
});

export type ManageModelPayload = PayloadOf<typeof manageModelJob>;
export type ManageModelResult = ResultOf<typeof manageModelJob>;
