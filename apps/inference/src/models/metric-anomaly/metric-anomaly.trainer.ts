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

// Chooses the flag threshold with the best F1 on labelled tuning series, for the model and for the
// rolling median/MAD baseline alike.
export function trainMetricAnomaly(tuning: readonly SeriesWithAnomalies[]): AnomalyTrainingResult {
  const best = (f1: (threshold: number) => number): { threshold: number; f1: number } =>
    THRESHOLDS.map((threshold) => ({ threshold, f1: f1(threshold) })).reduce((a, b) => (b.f1 > a.f1 ? b : a));
  const model = best(
    (threshold) =>
      evaluateDetector(tuning, new MetricAnomalyDetector({ ...DEFAULT_ANOMALY_CONFIG, threshold })).summary().f1,
  );
  const baseline = best((threshold) => evaluateRollingMad(tuning, threshold).summary().f1);
  return {
    config: { ...DEFAULT_ANOMALY_CONFIG, threshold: model.threshold },
    baselineThreshold: baseline.threshold,
    tuningF1: { model: model.f1, baseline: baseline.f1 },
  };
}
