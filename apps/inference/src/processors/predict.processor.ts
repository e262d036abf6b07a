import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  predictJob,
  type PredictionItem,
  type PredictionModelName,
  type PredictionOutput,
  type PredictResult,
} from '@qbm/contracts';
import { AiMetrics } from '@qbm/observability';
import { type BatchItem, JobWorkers } from '@qbm/queues';
import type { PredictPayload } from '@qbm/contracts';
import { InferenceConfig } from '../config/inference.config';
import { ModelStore } from '../serving/model-store.service';
import type { ServedModels } from '../serving/loaded-models';
import { MODEL_OF_KIND, type PredictedItems, predictItems } from '../serving/predict-items';

// Items predicted between two looks at the event loop; the key results of a slice share one network call.
const SLICE_ITEMS = 512;
const YIELD_AFTER_MS = 50;

// A big job is CPU for seconds: the worker yields between slices so BullMQ can renew the job's lock
// (else the job looks stalled and is taken again, or failed after maxStalledCount) and health answers.
async function predictInSlices(items: readonly PredictionItem[], models: ServedModels): Promise<PredictedItems> {
  if (items.length <= SLICE_ITEMS) return predictItems(items, models);
  const outputs: PredictionOutput[] = [];
  const counts: PredictedItems['counts'] = new Map();
  let lastYield = Date.now();
  for (let start = 0; start < items.length; start += SLICE_ITEMS) {
    const part = predictItems(items.slice(start, start + SLICE_ITEMS), models);
    outputs.push(...part.outputs);
    for (const [model, count] of part.counts) {
      const total = counts.get(model) ?? { success: 0, error: 0 };
      counts.set(model, { success: total.success + count.success, error: total.error + count.error });
    }
    if (Date.now() - lastYield >= YIELD_AFTER_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      lastYield = Date.now();
    }
  }
  return { outputs, counts };
}

export class ModelsNotLoadedError extends Error {
  readonly code = 'PREDICTIONS.MODELS_LOADING';
}

// The `predictions` queue: jobs the worker holds at once are predicted together (one network call
// for all their key results), then split back per job.
@Injectable()
export class PredictProcessor implements OnModuleInit {
  constructor(
    private readonly workers: JobWorkers,
    private readonly store: ModelStore,
    private readonly metrics: AiMetrics,
    private readonly config: InferenceConfig,
  ) {}

  onModuleInit(): void {
    this.workers.processBatch(predictJob, (jobs) => this.predict(jobs), {
      batch: { maxSize: this.config.serving.batchMaxJobs, maxWaitMs: this.config.serving.batchWaitMs },
      lockDurationMs: this.config.serving.jobLockMs,
      stalledIntervalMs: this.config.serving.stalledIntervalMs,
    });
  }

  async predict(jobs: ReadonlyArray<BatchItem<PredictPayload>>): Promise<PredictResult[]> {
    const models = this.store.models();
    // Retried after the backoff; the worker is not ready (and not routed to) while models load.
    if (!models) throw new ModelsNotLoadedError('models are still loading');
    const items: PredictionItem[] = jobs.flatMap((job) => job.payload.items);
    const started = process.hrtime.bigint();
    const { outputs, counts } = await predictInSlices(items, models);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    for (const [model, count] of counts) {
      this.metrics.aiPredictionsTotal.inc({ model, status: 'success' }, count.success);
      if (count.error > 0) this.metrics.aiPredictionsTotal.inc({ model, status: 'error' }, count.error);
      this.metrics.aiPredictionDuration.observe({ model }, seconds);
    }
    const results: PredictResult[] = [];
    let offset = 0;
    for (const job of jobs) {
      const size = job.payload.items.length;
      const used = new Set<PredictionModelName>(job.payload.items.map((item) => MODEL_OF_KIND[item.kind]));
      for (const model of used) this.metrics.aiPredictionBatchSize.observe({ model }, size);
      results.push({
        outputs: outputs.slice(offset, offset + size),
        modelVersions: Object.fromEntries([...used].map((model) => [model, models[model].version])),
        backend: this.store.backend,
      });
      offset += size;
    }
    return results;
  }
}
