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
  const trend = edgeAwareTrend(adjusted);
  const residual = adjusted.map((v, t) => v - (trend[t] as number));
  return { trend, seasonal, residual, scale: rollingScale(residual, Math.max(31, odd(2 * seasonalPeriod))) };
}

// Theil–Sen line through points (x, y): the median of pairwise slopes, robust to a few outliers.
function theilSen(points: readonly { x: number; y: number }[]): { slope: number; intercept: number } {
  const slopes: number[] = [];
  for (let i = 0; i < points.length; i += 1) {
    for (let j = i + 1; j < points.length; j += 1) {
      const a = points[i] as { x: number; y: number };
      const b = points[j] as { x: number; y: number };
      slopes.push((b.y - a.y) / (b.x - a.x));
    }
  }
  const slope = slopes.length > 0 ? median(slopes) : 0;
  return { slope, intercept: median(points.map((p) => p.y - slope * p.x)) };
}

const TREND_MEDIAN = 7;
const TREND_MEAN = 5;
const EDGE_FIT = 15;

// Centred windows shrink at the ends and lag behind a trend there, which would flag the latest
// values of any growing metric; so both ends are extended by a robust straight line fitted to
// their last few values before smoothing.
function edgeAwareTrend(x: readonly number[]): number[] {
  const pad = Math.floor(TREND_MEDIAN / 2) + Math.floor(TREND_MEAN / 2);
  if (x.length < 2 * TREND_MEDIAN) return rollingMean(rollingMedian(x, TREND_MEDIAN), TREND_MEAN);
  const fit = (from: number, to: number) => theilSen(x.slice(from, to).map((y, i) => ({ x: from + i, y })));
  const head = fit(0, Math.min(EDGE_FIT, x.length));
  const tail = fit(Math.max(0, x.length - EDGE_FIT), x.length);
  const padded = [
    ...Array.from({ length: pad }, (_, k) => head.intercept + head.slope * (k - pad)),
    ...x,
    ...Array.from({ length: pad }, (_, k) => tail.intercept + tail.slope * (x.length + k)),
  ];
  return rollingMean(rollingMedian(padded, TREND_MEDIAN), TREND_MEAN).slice(pad, pad + x.length);
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
