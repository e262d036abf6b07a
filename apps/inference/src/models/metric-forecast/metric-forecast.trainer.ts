import { backtestForecasters, EvaluationSeries } from '../../evaluation/forecast-backtest';
import { FORECAST_METHODS } from './forecast-method';
import { MetricForecasterConfig } from './metric-forecast.types';
import { MetricForecaster } from './metric-forecaster';

// The per-series strategies compared when training: pick a method per series by its own backtest
// (from every method, or only the smoothing family), or always the Comb benchmark.
export const FORECAST_STRATEGIES: Readonly<Record<string, MetricForecasterConfig>> = {
  'select-any': { strategy: 'select', candidates: [...FORECAST_METHODS], maxOrigins: 40 },
  'select-smoothing': { strategy: 'select', candidates: ['ses', 'holt', 'damped', 'theta', 'comb'], maxOrigins: 40 },
  comb: { strategy: 'comb', candidates: ['comb'], maxOrigins: 40 },
};

export interface ForecastTrainingResult {
  name: string;
  config: MetricForecasterConfig;
  tuningMase: Record<string, number>;
}

// "Training" a classical forecaster is choosing its strategy: the one with the lowest mean MASE on
// the tuning series' rolling-origin backtest. The held-out series are evaluated elsewhere.
export function trainMetricForecast(tuning: readonly EvaluationSeries[]): ForecastTrainingResult {
  const accuracy = backtestForecasters(
    tuning,
    Object.entries(FORECAST_STRATEGIES).map(([name, config]) => ({ name, forecaster: new MetricForecaster(config) })),
  );
  const tuningMase = Object.fromEntries([...accuracy].map(([name, a]) => [name, a.summary().mase]));
  const name = Object.keys(tuningMase).reduce((a, b) =>
    (tuningMase[b] as number) < (tuningMase[a] as number) ? b : a,
  );
  return { name, config: FORECAST_STRATEGIES[name] as MetricForecasterConfig, tuningMase };
}
