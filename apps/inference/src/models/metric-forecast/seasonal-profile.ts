import { median } from '../../series/robust-statistics';

export type SeasonalMode = 'additive' | 'multiplicative';

// Seasonal indices by phase (step mod period): factors around 1 or offsets around 0.
export interface SeasonalProfile {
  period: number;
  mode: SeasonalMode;
  indices: number[];
}

// Centred moving average of order `period` (2×period when even); NaN where the window does not fit.
function centredMovingAverage(y: readonly number[], period: number): number[] {
  const trend = new Array<number>(y.length).fill(Number.NaN);
  const half = Math.floor(period / 2);
  for (let t = half; t < y.length - half; t += 1) {
    let sum = 0;
    if (period % 2 === 1) {
      for (let k = -half; k <= half; k += 1) sum += y[t + k] as number;
      trend[t] = sum / period;
    } else {
      for (let k = -half + 1; k < half; k += 1) sum += y[t + k] as number;
      trend[t] = (sum + ((y[t - half] as number) + (y[t + half] as number)) / 2) / period;
    }
  }
  return trend;
}

function autocorrelation(x: readonly number[], lag: number): number {
  const centre = x.reduce((s, v) => s + v, 0) / x.length;
  let numerator = 0;
  let denominator = 0;
  for (let t = 0; t < x.length; t += 1) {
    const d = (x[t] as number) - centre;
    denominator += d * d;
    if (t >= lag) numerator += d * ((x[t - lag] as number) - centre);
  }
  return denominator > 0 ? numerator / denominator : 0;
}

// The 90 % autocorrelation test of the M4 benchmarks, run on the detrended series so a strong trend
// alone does not pass for seasonality. Needs two full cycles.
export function isSeasonal(y: readonly number[], period: number): boolean {
  if (period < 2 || y.length < 2 * period + 1) return false;
  const trend = centredMovingAverage(y, period);
  const detrended: number[] = [];
  for (let t = 0; t < y.length; t += 1)
    if (Number.isFinite(trend[t])) detrended.push((y[t] as number) - (trend[t] as number));
  if (detrended.length < period + 2) return false;
  let sumSquares = 0;
  for (let k = 1; k < period; k += 1) sumSquares += autocorrelation(detrended, k) ** 2;
  const limit = 1.645 * Math.sqrt((1 + 2 * sumSquares) / detrended.length);
  return autocorrelation(detrended, period) > limit;
}

// Classical decomposition with per-phase medians (robust to outliers). Multiplicative only when every
// value and trend point is positive; otherwise additive.
export function seasonalProfile(y: readonly number[], period: number): SeasonalProfile | null {
  if (!isSeasonal(y, period)) return null;
  const trend = centredMovingAverage(y, period);
  const multiplicative = y.every((v) => v > 0) && trend.every((v) => !Number.isFinite(v) || v > 0);
  const byPhase: number[][] = Array.from({ length: period }, () => []);
  for (let t = 0; t < y.length; t += 1) {
    const level = trend[t] as number;
    if (!Number.isFinite(level)) continue;
    (byPhase[t % period] as number[]).push(multiplicative ? (y[t] as number) / level : (y[t] as number) - level);
  }
  const raw = byPhase.map((values) => (values.length > 0 ? median(values) : multiplicative ? 1 : 0));
  const centre = raw.reduce((s, v) => s + v, 0) / period;
  const indices = raw.map((v) => (multiplicative ? v / centre : v - centre));
  if (indices.some((v) => !Number.isFinite(v) || (multiplicative && v <= 0))) return null;
  return { period, mode: multiplicative ? 'multiplicative' : 'additive', indices };
}

export function seasonalIndex(profile: SeasonalProfile, step: number): number {
  return profile.indices[((step % profile.period) + profile.period) % profile.period] as number;
}

export function deseasonalize(y: readonly number[], profile: SeasonalProfile | null): number[] {
  if (!profile) return y.slice();
  return y.map((v, t) =>
    profile.mode === 'multiplicative' ? v / seasonalIndex(profile, t) : v - seasonalIndex(profile, t),
  );
}

// Puts the season back on values that start at step `firstStep`.
export function reseasonalize(values: readonly number[], profile: SeasonalProfile | null, firstStep: number): number[] {
  if (!profile) return values.slice();
  return values.map((v, i) => {
    const index = seasonalIndex(profile, firstStep + i);
    return profile.mode === 'multiplicative' ? v * index : v + index;
  });
}
