import { SEASON_LENGTH } from '../../series/measurement-frequency';
import { interpolateGaps, toRegularSeries } from '../../series/regular-series';
import { MetricForecast, MetricForecasterConfig, MetricForecastRequest } from './metric-forecast.types';
import { forecastSeries } from './series-forecast';

export const MAX_HORIZON = 366;

// Dates, gaps and guards around forecastSeries: gaps are filled linearly for fitting, a history that
// never went below zero is never forecast below zero, and an empty history yields no points.
export class MetricForecaster {
  constructor(readonly config: MetricForecasterConfig) {}

  forecast(request: MetricForecastRequest): MetricForecast {
    const horizon = Math.min(MAX_HORIZON, Math.max(1, Math.floor(request.horizon) || 1));
    const regular = toRegularSeries(request.history, request.origin);
    if (!regular) {
      return {
        method: 'none',
        seasonality: null,
        lastObserved: null,
        intervalSource: 'none',
        historyLength: 0,
        points: [],
      };
    }
    const y = interpolateGaps(regular.values);
    const period = SEASON_LENGTH[request.history.frequency];
    const result = forecastSeries(y, horizon, period, this.config);
    const floor = y.every((v) => v >= 0) ? 0 : Number.NEGATIVE_INFINITY;
    const clip = (v: number): number => Math.max(floor, v);
    const band80 = result.intervals.byLevel[0.8];
    const band95 = result.intervals.byLevel[0.95];
    return {
      method: result.method,
      seasonality: result.profile ? { period: result.profile.period, mode: result.profile.mode } : null,
      lastObserved: regular.calendar.date(y.length - 1),
      intervalSource: result.intervals.source,
      historyLength: y.length,
      points: result.values.map((value, i) => ({
        date: regular.calendar.date(y.length + i),
        value: clip(value),
        lower80: clip(value - (band80[i] as number)),
        upper80: clip(value + (band80[i] as number)),
        lower95: clip(value - (band95[i] as number)),
        upper95: clip(value + (band95[i] as number)),
      })),
    };
  }
}
