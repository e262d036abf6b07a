import { NorthStarMetric } from '../entities/north-star-metric.entity';
import { MetricHealth, MetricPoint, computeMetricHealth, metricImportance } from './metric-health-score';

// What the score needs from storage: the latest healthWindowSize(frequency) points, oldest first; how
// many values the metric holds in all; the linked objective's priority (null when primary or unlinked).
export interface MetricHealthSample {
  points: MetricPoint[];
  total: number;
  objectivePriority: number | null;
}

export interface MetricHealthEvaluation {
  health: MetricHealth | null;
  importance: number;
  currentValue: number | null;
  dataPoints: number;
  asOf: Date;
}

export type ScoredMetric = Pick<
  NorthStarMetric,
  'direction' | 'baselineValue' | 'targetValue' | 'frequency' | 'isPrimary' | 'objectiveId'
>;

// Ingest, edits and GET /health all evaluate through here, so the stored score and the one on demand agree.
export function evaluateMetricHealth(
  metric: ScoredMetric,
  sample: MetricHealthSample,
  asOf: Date,
): MetricHealthEvaluation {
  const { direction, baselineValue, targetValue, frequency, isPrimary } = metric;
  const { points, total, objectivePriority } = sample;
  const input = { direction, baselineValue, targetValue, frequency, isPrimary, objectivePriority, points, asOf };
  return {
    health: computeMetricHealth(input),
    importance: metricImportance(input),
    currentValue: points[points.length - 1]?.value ?? null,
    dataPoints: total,
    asOf,
  };
}

// The columns that keep the latest evaluation on the metric row, where lists filter and sort by it.
export function storedHealth({
  health,
  currentValue,
}: MetricHealthEvaluation): Pick<NorthStarMetric, 'currentValue' | 'healthScore' | 'healthBand'> {
  return { currentValue, healthScore: health?.score ?? null, healthBand: health?.band ?? null };
}

// Changes whenever a field the score reads changes, so an edit knows whether the stored score is stale.
export function healthInputsFingerprint(metric: ScoredMetric): string {
  const { direction, baselineValue, targetValue, frequency, isPrimary, objectiveId } = metric;
  return JSON.stringify([direction, baselineValue, targetValue, frequency, isPrimary, objectiveId]);
}
