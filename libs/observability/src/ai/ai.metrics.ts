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
    guard: CardinalityGuard,
  ) {
    guard.bound(aiPredictionsTotal);
    guard.bound(aiPredictionDuration);
    guard.bound(aiModelAccuracy);
  }

  // Creates the zero series of a model, so its error rate exists before its first failure.
  seedModel(model: string): void {
    for (const status of PREDICTION_STATUSES) this.aiPredictionsTotal.inc({ model, status }, 0);
    this.aiPredictionDuration.zero({ model });
  }
}
