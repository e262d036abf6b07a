import { Injectable } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import { CardinalityGuard } from '../metrics/cardinality-guard';
import type { CatalogueMetric } from '../metrics/metric-catalogue';
import { PREDICTION_STATUSES } from '../metrics/metric-labels';

@Injectable()
export class AiMetrics {
  constructor(
    @InjectMetric('ai_predictions_total') readonly aiPredictionsTotal: CatalogueMetric<'ai_predictions_total'>,
    @InjectMetric('ai_prediction_duration_seconds')
    readonly aiPredictionDuration: CatalogueMetric<'ai_prediction_duration_seconds'>,
    @InjectMetric('ai_model_accuracy') readonly aiModelAccuracy: CatalogueMetric<'ai_model_accuracy'>,
    @InjectMetric('ai_model_precision') readonly aiModelPrecision: CatalogueMetric<'ai_model_precision'>,
    @InjectMetric('ai_model_recall') readonly aiModelRecall: CatalogueMetric<'ai_model_recall'>,
    @InjectMetric('ai_model_f1') readonly aiModelF1: CatalogueMetric<'ai_model_f1'>,
    @InjectMetric('ai_model_brier') readonly aiModelBrier: CatalogueMetric<'ai_model_brier'>,
    @InjectMetric('ai_model_mape') readonly aiModelMape: CatalogueMetric<'ai_model_mape'>,
    @InjectMetric('ai_model_scored_predictions')
    readonly aiModelScoredPredictions: CatalogueMetric<'ai_model_scored_predictions'>,
    @InjectMetric('ai_prediction_batch_size')
    readonly aiPredictionBatchSize: CatalogueMetric<'ai_prediction_batch_size'>,
    @InjectMetric('ai_model_info') readonly aiModelInfo: CatalogueMetric<'ai_model_info'>,
    @InjectMetric('ai_model_memory_bytes') readonly aiModelMemoryBytes: CatalogueMetric<'ai_model_memory_bytes'>,
    @InjectMetric('ai_prediction_cache_total')
    readonly aiPredictionCacheTotal: CatalogueMetric<'ai_prediction_cache_total'>,
    guard: CardinalityGuard,
  ) {
    for (const metric of [
      aiPredictionsTotal,
      aiPredictionDuration,
      aiModelAccuracy,
      aiModelPrecision,
      aiModelRecall,
      aiModelF1,
      aiModelBrier,
      aiModelMape,
      aiModelScoredPredictions,
      aiPredictionBatchSize,
      aiModelInfo,
      aiModelMemoryBytes,
      aiPredictionCacheTotal,
    ])
      guard.bound(metric);
  }

  // Creates the zero series of a model, so its error rate exists before its first failure.
  seedModel(model: string): void {
    for (const status of PREDICTION_STATUSES) this.aiPredictionsTotal.inc({ model, status }, 0);
    this.aiPredictionDuration.zero({ model });
  }
}
