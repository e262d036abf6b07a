import { MetricHistory } from '../../series/metric-observation';

// One check-in as stored (`key_result_check_ins`): when, the value reported, the owner's confidence (0–1).
export interface KeyResultCheckInRecord {
  checkedInAt: string;
  value: number;
  confidence: number | null;
}

// A prediction job's input for one key result. The period is the OKR's (YYYY-MM-DD, end inclusive);
// the direction follows from the target's side of the baseline. `linkedMetric` is the north-star
// metric the key result moves, when there is one: its values before the period measure ambition.
export interface KeyResultHistory {
  baselineValue: number;
  targetValue: number;
  periodStart: string;
  periodEnd: string;
  checkIns: readonly KeyResultCheckInRecord[];
  linkedMetric?: MetricHistory | null;
}

export interface WeightedKeyResultHistory extends KeyResultHistory {
  weight: number;
}

export interface OkrHistory {
  keyResults: readonly WeightedKeyResultHistory[];
}
