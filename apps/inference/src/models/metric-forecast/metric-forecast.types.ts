import { MetricHistory } from '../../series/metric-observation';
import { ForecastMethodName } from './forecast-method';
import { IntervalSource } from './forecast-intervals';
import { SeasonalMode } from './seasonal-profile';

// A forecast job's input: the metric's stored values and the wanted horizon, from an origin date
// (only values measured on or before it count; default: all of them).
export interface MetricForecastRequest {
  history: MetricHistory;
  horizon: number;
  origin?: string;
}

export interface MetricForecastPoint {
  date: string;
  value: number;
  lower80: number;
  upper80: number;
  lower95: number;
  upper95: number;
}

export interface MetricForecast {
  method: ForecastMethodName | 'none';
  seasonality: { period: number; mode: SeasonalMode } | null;
  // Date of the last value used; points start one step after it.
  lastObserved: string | null;
  intervalSource: IntervalSource | 'none';
  historyLength: number;
  points: MetricForecastPoint[];
}

// What training chooses and the artifact stores: how a method is picked per series.
export interface MetricForecasterConfig {
  strategy: 'select' | 'comb';
  candidates: ForecastMethodName[];
  maxOrigins: number;
}
