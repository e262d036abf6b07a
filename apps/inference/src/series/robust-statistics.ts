// Order statistics that ignore outliers; NaN for an empty input.
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

// Median absolute deviation, scaled by 1.4826 so that it estimates the standard deviation of normal noise.
export function scaledMad(values: readonly number[]): number {
  const centre = median(values);
  return 1.4826 * median(values.map((v) => Math.abs(v - centre)));
}

// Linear-interpolated quantile, q in [0, 1].
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const position = Math.min(Math.max(q, 0), 1) * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return (sorted[lower] as number) + ((sorted[upper] as number) - (sorted[lower] as number)) * (position - lower);
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

// Centred rolling median of an odd `window`, shrunk near the ends (so it never extrapolates).
export function rollingMedian(values: readonly number[], window: number): number[] {
  const half = Math.floor(window / 2);
  return values.map((_, i) => median(values.slice(Math.max(0, i - half), Math.min(values.length, i + half + 1))));
}

// Centred rolling mean of an odd `window`, shrunk near the ends.
export function rollingMean(values: readonly number[], window: number): number[] {
  const half = Math.floor(window / 2);
  return values.map((_, i) => mean(values.slice(Math.max(0, i - half), Math.min(values.length, i + half + 1))));
}
