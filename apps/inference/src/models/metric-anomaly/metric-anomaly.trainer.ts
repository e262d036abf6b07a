import { evaluateDetector, evaluateRollingMad } from '../../evaluation/anomaly-backtest';
import { SeriesWithAnomalies } from '../../simulation/anomaly-planter';
import { MetricAnomalyConfig } from './metric-anomaly.types';
import { MetricAnomalyDetector } from './metric-anomaly-detector';

export const THRESHOLDS = [3, 3.5, 4, 4.5, 5, 5.5, 6, 7, 8];
export const DEFAULT_ANOMALY_CONFIG: MetricAnomalyConfig = { threshold: 5, shiftWindow: 7, minFlatRun: 4 };

export interface AnomalyTrainingResult {
  config: MetricAnomalyConfig;
  // The baseline gets the same treatment, so the comparison is fair.
  baselineThreshold: number;
  tuningF1: { model: number; baseline: number };
}

// The monitoring guide asks for recall above 75 %.
export const REQUIRED_RECALL = 0.75;

type Summary = { recall: number; f1: number };

// Chooses the flag threshold with the best F1 on labelled tuning series among those that keep the
// required recall (the best F1 overall when none does), for the model and the rolling median/MAD
// baseline alike.
export function trainMetricAnomaly(tuning: readonly SeriesWithAnomalies[]): AnomalyTrainingResult {
  const best = (evaluate: (threshold: number) => Summary): { threshold: number; f1: number } => {
    const scored = THRESHOLDS.map((threshold) => ({ threshold, ...evaluate(threshold) }));
    const eligible = scored.filter((s) => s.recall >= REQUIRED_RECALL);
    return (eligible.length > 0 ? eligible : scored).reduce((a, b) => (b.f1 > a.f1 ? b : a));
  };
  const model = best((threshold) =>
    evaluateDetector(tuning, new MetricAnomalyDetector({ ...DEFAULT_ANOMALY_CONFIG, threshold })).summary(),
  );
  const baseline = best((threshold) => evaluateRollingMad(tuning, threshold).summary());
  return {
    config: { ...DEFAULT_ANOMALY_CONFIG, threshold: model.threshold },
    baselineThreshold: baseline.threshold,
    tuningF1: { model: model.f1, baseline: baseline.f1 },
  };
}
