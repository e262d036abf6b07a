import { MeasurementFrequency } from '../series/measurement-frequency';
import { MetricObservation } from '../series/metric-observation';

// The components a simulated series was built from, kept for reports and tests.
export interface MetricSeriesComponents {
  trend: 'none' | 'linear' | 'damped' | 'changing';
  seasonality: 'none' | 'additive' | 'multiplicative';
  noise: 'gaussian' | 'heavy-tailed';
  heteroscedastic: boolean;
  levelShifts: number;
  missingShare: number;
}

export interface SimulatedMetricSeries {
  id: string;
  frequency: MeasurementFrequency;
  // Every step's value, before any went missing (the truth).
  complete: number[];
  // Local standard deviation of the noise at each step (sets anomaly sizes).
  noiseScale: number[];
  // Step numbers to dates.
  dates: string[];
  // What a client would store: the complete series less the missing steps.
  observations: MetricObservation[];
  components: MetricSeriesComponents;
}
