import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { LIVE_MODEL_VERSIONS_KEY, type PredictionItem, type PredictionOutput } from '@qbm/contracts';
import { AiMetrics } from '@qbm/observability';
import Redis from 'ioredis';
import { PredictionCoalescer } from './prediction-coalescer.service';
import { PredictionErrors } from './predictions.errors';

// The guide's prediction cache TTL.
const CACHE_TTL_SECONDS = 300;

const MODEL_OF_KIND: Readonly<Record<PredictionItem['kind'], string>> = {
  'key-result': 'okr-achievement',
  okr: 'okr-achievement',
  forecast: 'metric-forecast',
  anomaly: 'metric-anomaly',
};

export interface ServedPrediction<K extends PredictionOutput['kind']> {
  output: Extract<PredictionOutput, { kind: K }>;
  model: string;
  modelVersion: string;
  cached: boolean;
}

// One prediction: from the Redis cache (keyed by the live model version and a hash of the input,
// so a promotion invalidates it), else through the coalescer and the queue.
@Injectable()
export class PredictionClient {
  constructor(
    private readonly coalescer: PredictionCoalescer,
    private readonly redis: Redis,
    private readonly metrics: AiMetrics,
  ) {}

  async predict<K extends Exclude<PredictionOutput['kind'], 'error'>>(
    item: Extract<PredictionItem, { kind: K }>,
  ): Promise<ServedPrediction<K>> {
    const model = MODEL_OF_KIND[item.kind];
    const hash = createHash('sha256')
      .update(JSON.stringify({ ...item, id: '' }))
      .digest('hex');
    const liveVersion = await this.redis.hget(LIVE_MODEL_VERSIONS_KEY, model).catch(() => null);
    const key = (version: string): string => `ai:prediction:${version}:${hash}`;
    if (liveVersion) {
      const hit = await this.redis.get(key(liveVersion)).catch(() => null);
      if (hit) {
        this.metrics.aiPredictionCacheTotal.inc({ model, result: 'hit' });
        const output = { ...(JSON.parse(hit) as Extract<PredictionOutput, { kind: K }>), id: item.id };
        return { output, model, modelVersion: liveVersion, cached: true };
      }
    }
    this.metrics.aiPredictionCacheTotal.inc({ model, result: 'miss' });
    const answer = await this.coalescer.predict(item);
    if (answer.output.kind === 'error')
      throw PredictionErrors.predictionFailed(answer.output.code, answer.output.message);
    const modelVersion = answer.modelVersions[model] ?? 'unknown';
    // Not awaited: the answer is ready, and a cache write that fails only costs the next caller a miss.
    void this.redis
      .set(key(modelVersion), JSON.stringify(answer.output), 'EX', CACHE_TTL_SECONDS)
      .catch(() => undefined);
    return { output: answer.output as Extract<PredictionOutput, { kind: K }>, model, modelVersion, cached: false };
  }
}
