import { median } from '../../series/robust-statistics';

// Evidence of a step at each t: the median of the `window` values from t on against the median of
// the `window` before t, less the change the local slope explains, in units of the standard error of
// a difference of two medians (1.2533 σ √(1/a + 1/b)). Only local maxima keep their score, so one
// step gives one mark.
export function levelShiftScores(
  adjusted: readonly number[],
  trend: readonly number[],
  scale: readonly number[],
  window: number,
): number[] {
  const n = adjusted.length;
  const raw = new Array<number>(n).fill(0);
  const reach = 3 * window;
  for (let t = 3; t < n - 2; t += 1) {
    const before = adjusted.slice(Math.max(0, t - window), t);
    const after = adjusted.slice(t, Math.min(n, t + window));
    if (before.length < 3 || after.length < 3) continue;
    const left = Math.max(0, t - reach);
    const right = Math.min(n - 1, t + reach);
    const slope = ((trend[right] as number) - (trend[left] as number)) / Math.max(1, right - left);
    const expectedChange = (slope * (before.length + after.length)) / 2;
    const change = median(after) - median(before) - expectedChange;
    const standardError = 1.2533 * (scale[t] as number) * Math.sqrt(1 / before.length + 1 / after.length);
    raw[t] = Math.abs(change) / standardError;
  }
  // Without steps the statistic is |N(0, 1)|, whose median is 0.674; smooth variation the
  // decomposition left behind inflates it everywhere, so the series' own median tempers it (halfway on a log scale).
  const typical = median(raw.filter((v) => v > 0));
  const deflate = typical > 0.674 ? Math.sqrt(0.674 / typical) : 1;
  return raw.map((value, t) => {
    const score = value;
    for (let k = Math.max(0, t - window); k <= Math.min(n - 1, t + window); k += 1) {
      if ((raw[k] as number) > score || ((raw[k] as number) === score && k < t)) return 0;
    }
    return score * deflate;
  });
}
