import { MeasurementFrequency } from './measurement-frequency';

// One stored value of a north-star metric (the `metric_values` row): `measuredOn` is YYYY-MM-DD.
export interface MetricObservation {
  measuredOn: string;
  value: number;
}

export interface MetricHistory {
  frequency: MeasurementFrequency;
  values: readonly MetricObservation[];
}
