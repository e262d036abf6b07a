import { MetricForecaster } from '../models/metric-forecast/metric-forecaster';
import { MeasurementFrequency, SEASON_LENGTH } from '../series/measurement-frequency';
import { SimulatedMetricSeries } from '../simulation/simulated-metric-series';
import { ForecastAccuracy, maseScale, scorePoint } from './forecast-accuracy';

export const EVALUATION_HORIZON: Record<MeasurementFrequency, number> = {
  daily: 14,
  weekly: 13,
  monthly: 12,
  quarterly: 4,
  yearly: 3,
};

// A series with its complete truth (every step, including the ones missing from `observations`).
export type EvaluationSeries = Pick<SimulatedMetricSeries, 'frequency' | 'complete' | 'dates' | 'observations'>;

export interface BacktestedForecaster {
  name: string;
  forecaster: MetricForecaster;
}

// Rolling-origin evaluation on series the forecasters never saw: up to `origins` non-overlapping
// windows at the end of each series; every forecaster gets the same history (observed values before
// the origin, gaps included) and is scored against the complete truth after it.
export function backtestForecasters(
  series: readonly EvaluationSeries[],
  forecasters: readonly BacktestedForecaster[],
  origins = 2,
): Map<string, ForecastAccuracy> {
  const accuracy = new Map(forecasters.map((f) => [f.name, new ForecastAccuracy()] as const));
  for (const s of series) {
    const n = s.complete.length;
    const horizon = Math.max(1, Math.min(EVALUATION_HORIZON[s.frequency], Math.floor(n / 3)));
    const stepOf = new Map(s.dates.map((date, step) => [date, step] as const));
    for (let k = 1; k <= origins; k += 1) {
      const origin = n - k * horizon;
      if (origin < 4) break;
      const cutoff = s.dates[origin - 1] as string;
      const history = { frequency: s.frequency, values: s.observations.filter((o) => o.measuredOn <= cutoff) };
      const scale = maseScale(s.complete.slice(0, origin), SEASON_LENGTH[s.frequency]);
      for (const { name, forecaster } of forecasters) {
        const forecast = forecaster.forecast({ history, horizon: horizon + 2 });
        const scores = forecast.points.flatMap((point) => {
          const step = stepOf.get(point.date);
          return step !== undefined && step >= origin && step < origin + horizon
            ? [scorePoint(s.complete[step] as number, point)]
            : [];
        });
        accuracy.get(name)?.addForecast(scores, scale);
      }
    }
  }
  return accuracy;
}
