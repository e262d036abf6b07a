import { autoregressionForecast, fitAutoregression } from './autoregression';
import { fitSmoothing, smoothingForecast, SmoothingKind } from './exponential-smoothing';
import { fitHoltWinters, holtWintersForecast } from './holt-winters';
import { fitTheta, thetaForecast } from './theta-method';

export const FORECAST_METHODS = [
  'naive',
  'seasonal-naive',
  'ses',
  'holt',
  'damped',
  'theta',
  'comb',
  'holt-winters',
  'autoregression',
] as const;
export type ForecastMethodName = (typeof FORECAST_METHODS)[number];

// Parameters estimated once (on a training span), then applied from any later origin.
export interface FittedMethod {
  forecast(history: readonly number[], horizon: number): number[];
}

// Whether the method runs on the seasonally adjusted series; seasonal-naive and Holt-Winters carry
// their own season.
export function usesAdjustedSeries(name: ForecastMethodName): boolean {
  return name !== 'seasonal-naive' && name !== 'holt-winters';
}

function naive(): FittedMethod {
  return { forecast: (history, horizon) => new Array<number>(horizon).fill(history.at(-1) as number) };
}

function seasonalNaive(period: number): FittedMethod {
  return {
    forecast: (history, horizon) => {
      const lag = history.length >= period ? period : 1;
      return Array.from({ length: horizon }, (_, i) => history[history.length - lag + (i % lag)] as number);
    },
  };
}

function smoothing(train: readonly number[], kind: SmoothingKind): FittedMethod {
  const parameters = fitSmoothing(train, kind);
  return { forecast: (history, horizon) => smoothingForecast(history, kind, parameters, horizon) };
}

function theta(train: readonly number[]): FittedMethod {
  const parameters = fitTheta(train);
  return { forecast: (history, horizon) => thetaForecast(history, parameters, horizon) };
}

// The M4 "Comb" benchmark: the mean of simple, Holt and damped exponential smoothing.
function comb(train: readonly number[]): FittedMethod {
  const members = (['ses', 'holt', 'damped'] as const).map((kind) => smoothing(train, kind));
  return {
    forecast: (history, horizon) => {
      const forecasts = members.map((m) => m.forecast(history, horizon));
      return Array.from({ length: horizon }, (_, i) => forecasts.reduce((s, f) => s + (f[i] as number), 0) / 3);
    },
  };
}

// A series too short for a season of its own (or without one) gets the damped trend instead.
function holtWinters(train: readonly number[], period: number): FittedMethod {
  const parameters = fitHoltWinters(train, period);
  if (!parameters) return smoothing(train, 'damped');
  return { forecast: (history, horizon) => holtWintersForecast(history, period, parameters, horizon) };
}

// Too short for even an AR(1) (or constant): the last value.
function autoregression(train: readonly number[]): FittedMethod {
  const parameters = fitAutoregression(train);
  if (!parameters) return naive();
  return { forecast: (history, horizon) => autoregressionForecast(history, parameters, horizon) };
}

export function fitMethod(name: ForecastMethodName, train: readonly number[], period: number): FittedMethod {
  switch (name) {
    case 'naive':
      return naive();
    case 'seasonal-naive':
      return seasonalNaive(period);
    case 'ses':
    case 'holt':
    case 'damped':
      return smoothing(train, name);
    case 'theta':
      return theta(train);
    case 'comb':
      return comb(train);
    case 'holt-winters':
      return holtWinters(train, period);
    case 'autoregression':
      return autoregression(train);
  }
}
