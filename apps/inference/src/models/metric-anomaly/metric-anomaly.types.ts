import { MetricHistory } from '../../series/metric-observation';

// An anomaly job's input: the metric's stored values (with enough history before `from` to learn the
// normal pattern) and the date range to score.
export interface MetricAnomalyRequest {
  history: MetricHistory;
  from?: string;
  to?: string;
}

export type AnomalyReason = 'spike' | 'dip' | 'level-shift' | 'flat-line';

export interface ScoredMetricValue {
  measuredOn: string;
  value: number;
  // Robust z-like: how many noise-widths the value is from what the pattern expects.
  score: number;
  flagged: boolean;
  reason: AnomalyReason | null;
  expected: number;
}

// What training tunes and the artifact stores.
export interface MetricAnomalyConfig {
  threshold: number;
  shiftWindow: number;
  minFlatRun: number;
}
