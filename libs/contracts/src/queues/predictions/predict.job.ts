import { z } from 'zod';
import { defineJob, type PayloadOf, type ResultOf } from '../job-contract';
import { QUEUE_NAMES } from '../queue-names';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
// A bare date means the end of that day; an instant is taken as is.
const dayOrInstant = z.union([day, z.string().datetime({ offset: true })]);
const finite = z.number().finite();

export const MODEL_NAMES = ['okr-achievement', 'metric-forecast', 'metric-anomaly'] as const;
export type PredictionModelName = (typeof MODEL_NAMES)[number];

const metricHistory = z.object({
  frequency: z.enum(['daily', 'weekly', 'monthly', 'quarterly', 'yearly']),
  values: z.array(z.object({ measuredOn: day, value: finite })).max(5_000),
});

const keyResultHistory = z.object({
  baselineValue: finite,
  targetValue: finite,
  periodStart: day,
  periodEnd: day,
  checkIns: z
    .array(z.object({ checkedInAt: dayOrInstant, value: finite, confidence: z.number().min(0).max(1).nullable() }))
    .max(1_000),
  linkedMetric: metricHistory.nullable().optional(),
});

// One thing to predict. `id` is the caller's, echoed in the output so results can be matched.
const predictionItem = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('key-result'),
    id: z.string().min(1).max(200),
    asOf: dayOrInstant,
    history: keyResultHistory,
  }),
  z.object({
    kind: z.literal('okr'),
    id: z.string().min(1).max(200),
    asOf: dayOrInstant,
    keyResults: z
      .array(keyResultHistory.extend({ id: z.string().min(1).max(200), weight: z.number().min(0).max(1_000) }))
      .min(1)
      .max(16),
  }),
  z.object({
    kind: z.literal('forecast'),
    id: z.string().min(1).max(200),
    history: metricHistory,
    horizon: z.number().int().min(1).max(366),
    origin: day.optional(),
  }),
  z.object({
    kind: z.literal('anomaly'),
    id: z.string().min(1).max(200),
    history: metricHistory,
    from: day.optional(),
    to: day.optional(),
  }),
]);

const predictPayload = z.object({
  // Thousands per job: BullMQ's cost is per job, so throughput comes from items per job.
  items: z.array(predictionItem).min(1).max(10_000),
});

const driver = z.object({ feature: z.string(), value: finite, contribution: finite });
const keyResultOutput = z.object({ id: z.string(), probability: finite, drivers: z.array(driver) });

// Per item: its output, or a coded error for that item alone (the rest of the batch is still served).
const predictionOutput = z.discriminatedUnion('kind', [
  keyResultOutput.extend({ kind: z.literal('key-result'), features: z.record(z.string(), finite) }),
  z.object({
    kind: z.literal('okr'),
    id: z.string(),
    probability: finite,
    expectedScore: finite,
    keyResults: z.array(keyResultOutput),
  }),
  z.object({
    kind: z.literal('forecast'),
    id: z.string(),
    method: z.string(),
    lastObserved: day.nullable(),
    points: z.array(
      z.object({ date: day, value: finite, lower80: finite, upper80: finite, lower95: finite, upper95: finite }),
    ),
  }),
  z.object({
    kind: z.literal('anomaly'),
    id: z.string(),
    values: z.array(
      z.object({
        measuredOn: day,
        value: finite,
        score: finite,
        flagged: z.boolean(),
        reason: z.string().nullable(),
        expected: finite,
      }),
    ),
  }),
  z.object({ kind: z.literal('error'), id: z.string(), code: z.string(), message: z.string() }),
]);

const predictResult = z.object({
  outputs: z.array(predictionOutput),
  // The version of each model that served at least one item of the job.
  modelVersions: z.record(z.string(), z.string()),
  // The TensorFlow.js backend the worker ran on.
  backend: z.string(),
});

// WARNING: the job name is stored with every job in Redis. Never rename it; a breaking payload
// change is a new job name, and this one stays handled until its queue drains.
export const predictJob = defineJob({
  queue: QUEUE_NAMES.predictions,
  name: 'predict',
  payload: predictPayload,
  result: predictResult,
  defaults: {
    // A caller waits seconds at most; one retry covers a worker that died mid-job.
    attempts: 2,
    backoff: { type: 'fixed', delay: 100 },
    // Results are read back by the caller (or a batch poll) soon after; an hour is ample.
    removeOnComplete: { age: 3600, count: 10_000 },
    removeOnFail: { age: 24 * 3600, count: 1_000 },
  },
});

export type PredictionItem = z.output<typeof predictionItem>;
export type PredictionOutput = z.output<typeof predictionOutput>;
export type PredictPayload = PayloadOf<typeof predictJob>;
export type PredictResult = ResultOf<typeof predictJob>;
