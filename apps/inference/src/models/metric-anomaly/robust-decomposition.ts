import { median, rollingMean, rollingMedian, scaledMad } from '../../series/robust-statistics';

// trend + seasonal + residual from medians only, so single outliers, dips and steps do not leak
// into the pattern: a rolling median at least a season wide gives a first trend, per-phase medians of
// what is left give the season, and a short rolling median (smoothed by a short mean) of the
// deseasonalized series the final trend: short, so that it follows slow changes instead of flagging them.
export interface RobustDecomposition {
  trend: number[];
  seasonal: number[];
  residual: number[];
  // Local noise width of the residual (a rolling, floored MAD).
  scale: number[];
}

const odd = (n: number): number => (n % 2 === 0 ? n + 1 : n);

export function robustDecomposition(y: readonly number[], period: number): RobustDecomposition {
  const seasonalPeriod = period > 1 && y.length >= 2 * period ? period : 1;
  let seasonal = new Array<number>(y.length).fill(0);
  if (seasonalPeriod > 1) {
    const firstTrend = rollingMedian(y, odd(seasonalPeriod));
    const byPhase: number[][] = Array.from({ length: seasonalPeriod }, () => []);
    y.forEach((v, t) => (byPhase[t % seasonalPeriod] as number[]).push(v - (firstTrend[t] as number)));
    const indices = byPhase.map((values) => median(values));
    const centre = median(indices);
    seasonal = y.map((_, t) => (indices[t % seasonalPeriod] as number) - centre);
  }
  const adjusted = y.map((v, t) => v - (seasonal[t] as number));
  // Medians drop outliers; the short mean after them stops a locally monotone stretch from being its
  // own trend (a median of sorted values is the middle value, which would leave residuals of exactly 0).
  const trend = rollingMean(rollingMedian(adjusted, 7), 5);
  const residual = adjusted.map((v, t) => v - (trend[t] as number));
  return { trend, seasonal, residual, scale: rollingScale(residual, Math.max(31, odd(2 * seasonalPeriod))) };
}

// Rolling MAD of the residual, floored at a quarter of the whole series' so quiet stretches do not
// turn every wiggle into an anomaly, and above zero so a constant series cannot divide by zero.
function rollingScale(residual: readonly number[], window: number): number[] {
  const overall = scaledMad(residual);
  const magnitude = residual.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const floor = Math.max(overall / 4, 1e-9 * Math.max(1, magnitude));
  const half = Math.floor(window / 2);
  return residual.map((_, t) =>
    Math.max(floor, scaledMad(residual.slice(Math.max(0, t - half), Math.min(residual.length, t + half + 1)))),
  );
}
