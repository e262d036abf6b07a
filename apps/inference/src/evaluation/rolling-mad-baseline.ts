import { rollingMedian, scaledMad } from '../series/robust-statistics';

// The baseline the anomaly model must beat: each value's distance from the centred rolling median of
// the raw series, in rolling-MAD units (window: two seasons, at least 15 steps). No trend or season model.
export function rollingMadScores(y: readonly number[], period: number): number[] {
  const window = Math.max(15, 2 * period + 1);
  const half = Math.floor(window / 2);
  const centre = rollingMedian(y, window);
  const floor = Math.max(scaledMad(y) / 100, 1e-9);
  return y.map((v, t) => {
    const local = scaledMad(y.slice(Math.max(0, t - half), Math.min(y.length, t + half + 1)));
    return Math.abs(v - (centre[t] as number)) / Math.max(local, floor);
  });
}
