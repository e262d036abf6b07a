import { Injectable, type OnModuleInit } from '@nestjs/common';
import { predictJob, type PredictionItem, type PredictResult, type PredictionModelName } from '@qbm/contracts';
import { AiMetrics } from '@qbm/observability';
import { type BatchItem, JobWorkers } from '@qbm/queues';
import type { PredictPayload } from '@qbm/contracts';
import { InferenceConfig } from '../config/inference.config';
import { ModelStore } from '../serving/model-store.service';
import { MODEL_OF_KIND, predictItems } from '../serving/predict-items';

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
    this.workers.processBatch(predictJob, (jobs) => Promise.resolve(this.predict(jobs)), {
      batch: { maxSize: this.config.serving.batchMaxJobs, maxWaitMs: this.config.serving.batchWaitMs },
      lockDurationMs: 60_000,
    });
  }

  predict(jobs: ReadonlyArray<BatchItem<PredictPayload>>): PredictResult[] {
    const models = this.store.models();
    // Retried after the backoff; the worker is not ready (and not routed to) while models load.
    if (!models) throw new ModelsNotLoadedError('models are still loading');
    const items: PredictionItem[] = jobs.flatMap((job) => job.payload.items);
    const started = process.hrtime.bigint();
    const { outputs, counts } = predictItems(items, models);
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
