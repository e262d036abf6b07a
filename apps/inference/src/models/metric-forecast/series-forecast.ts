import { mean, median } from '../../series/robust-statistics';
import { fitMethod, ForecastMethodName, usesAdjustedSeries } from './forecast-method';
import { intervalHalfWidths, IntervalHalfWidths } from './forecast-intervals';
import { MetricForecasterConfig } from './metric-forecast.types';
import { rollingOriginErrors, rollingOriginPlan } from './rolling-origin-errors';
import { deseasonalize, reseasonalize, SeasonalProfile, seasonalProfile } from './seasonal-profile';

// A forecast of a gap-free numeric series, before dates are attached.
export interface SeriesForecast {
  method: ForecastMethodName;
  profile: SeasonalProfile | null;
  values: number[];
  intervals: IntervalHalfWidths;
}

function meanAbsoluteChange(y: readonly number[]): number {
  const changes: number[] = [];
  for (let t = 1; t < y.length; t += 1) changes.push(Math.abs((y[t] as number) - (y[t - 1] as number)));
  return changes.length > 0 ? mean(changes) : 0;
}

// Picks a method by its own rolling-origin backtest (or applies the configured one), fits it on the
// whole history and forecasts; the same backtest's errors calibrate the intervals.
export function forecastSeries(
  y: readonly number[],
  horizon: number,
  period: number,
  config: MetricForecasterConfig,
): SeriesForecast {
  const plan = rollingOriginPlan(y.length, horizon, period, config.maxOrigins);
  let method: ForecastMethodName = y.length >= 3 ? 'comb' : 'naive';
  let errorsByStep: number[][] = [];
  if (plan) {
    const tried = (
      config.strategy === 'comb' || config.candidates.length === 0 ? ['comb' as const] : config.candidates
    ).map((name) => ({
      name,
      backtest: rollingOriginErrors(name, y, horizon, period, plan),
    }));
    const best = tried.reduce((a, b) => (b.backtest.meanAbsoluteError < a.backtest.meanAbsoluteError ? b : a));
    method = best.name;
    // The winner's backtest errors are optimistic (it won on them): widen them halfway, on a log
    // scale, towards the typical candidate's.
    const typical = median(tried.map((t) => t.backtest.meanAbsoluteError));
    const winner = best.backtest.meanAbsoluteError;
    const widening = winner > 0 && Number.isFinite(typical) ? Math.sqrt(Math.max(1, typical / winner)) : 1;
    errorsByStep = best.backtest.errorsByStep.map((errors) => errors.map((e) => e * widening));
  }
  const profile = usesAdjustedSeries(method) ? seasonalProfile(y, period) : null;
  const adjusted = deseasonalize(y, profile);
  const fitted = fitMethod(method, adjusted, period);
  const values = reseasonalize(fitted.forecast(adjusted, horizon), profile, y.length);
  return { method, profile, values, intervals: intervalHalfWidths(errorsByStep, horizon, meanAbsoluteChange(y)) };
}
