import {
  manageModelJob,
  type ManageModelPayload,
  type ManageModelResult,
  predictJob,
  type PredictionItem,
  type PredictionOutput,
  type PredictResult,
} from '@qbm/contracts';
import { testRedisUrl } from '@qbm/testing';
import { type Job, Worker } from 'bullmq';

// Stand-ins for apps/inference's processors (whose real models the inference specs cover). Every
// answer is parsed with the job contract's result schema, so a stand-in cannot drift from what the
// real worker must return.

export function queueConnection(): { host: string; port: number; db: number } {
  const url = new URL(testRedisUrl());
  return { host: url.hostname, port: Number(url.port || 6379), db: Number(url.pathname.slice(1) || 0) };
}

const DRIVERS = [{ feature: 'progress', value: 0.5, contribution: 0.4 }];
const nextDay = (day: string, steps: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + steps * 86_400_000).toISOString().slice(0, 10);

// A plain answer of the right shape for every kind, computed from the item's own input.
export function shapedAnswer(item: PredictionItem): PredictionOutput {
  switch (item.kind) {
    case 'okr':
      return {
        kind: 'okr',
        id: item.id,
        probability: 0.5,
        expectedScore: 0.5,
        keyResults: item.keyResults.map((kr) => ({ id: kr.id, probability: 0.5, drivers: DRIVERS })),
      };
    case 'key-result':
      return { kind: 'key-result', id: item.id, probability: 0.5, drivers: DRIVERS, features: {} };
    case 'forecast': {
      const last = item.history.values.at(-1);
      const from = last?.measuredOn ?? item.origin ?? '2026-01-01';
      const value = last?.value ?? 0;
      return {
        kind: 'forecast',
        id: item.id,
        method: 'stand-in: last value',
        lastObserved: last?.measuredOn ?? null,
        points: Array.from({ length: item.horizon }, (_, i) => ({
          date: nextDay(from, i + 1),
          value,
          lower80: value - 1,
          upper80: value + 1,
          lower95: value - 2,
          upper95: value + 2,
        })),
      };
    }
    case 'anomaly':
      return {
        kind: 'anomaly',
        id: item.id,
        values: item.history.values.map((v) => ({ ...v, score: 0, flagged: false, reason: null, expected: v.value })),
      };
  }
}

export interface PredictionStandInOptions {
  answer?: (item: PredictionItem) => PredictionOutput;
  modelVersions: Record<string, string>;
  // Sees each job's items as they arrive.
  onJob?: (items: PredictionItem[]) => void;
  concurrency?: number;
}

export async function startPredictionStandIn(options: PredictionStandInOptions): Promise<Worker> {
  const answer = options.answer ?? shapedAnswer;
  const worker = new Worker(
    predictJob.queue,
    (job: Job<{ items: PredictionItem[] }>) => {
      options.onJob?.(job.data.items);
      const result: PredictResult = predictJob.result.parse({
        outputs: job.data.items.map(answer),
        modelVersions: options.modelVersions,
        backend: 'none',
      });
      return Promise.resolve(result);
    },
    { connection: queueConnection(), concurrency: options.concurrency ?? 4 },
  );
  await worker.waitUntilReady();
  return worker;
}

// Answers train, promote and rollback as done, with `${model}-v2` as the version.
export async function startModelLifecycleStandIn(onJob?: (payload: ManageModelPayload) => void): Promise<Worker> {
  const worker = new Worker(
    manageModelJob.queue,
    (job: Job<ManageModelPayload>) => {
      onJob?.(job.data);
      const result: ManageModelResult = manageModelJob.result.parse({
        action: job.data.action,
        model: job.data.model,
        version: `${job.data.model}-v2`,
        promoted: job.data.action !== 'train',
        reason: 'stand-in',
      });
      return Promise.resolve(result);
    },
    { connection: queueConnection() },
  );
  await worker.waitUntilReady();
  return worker;
}
