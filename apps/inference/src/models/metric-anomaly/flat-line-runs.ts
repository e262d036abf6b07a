// Runs of at least `minRun` identical consecutive values, in a series that otherwise rarely repeats
// itself (under 5 % of steps unchanged), so integer counts that often repeat are not flagged.
export function flatLineRuns(values: readonly number[], minRun: number): { start: number; end: number }[] {
  const same = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a));
  let repeats = 0;
  for (let t = 1; t < values.length; t += 1) if (same(values[t] as number, values[t - 1] as number)) repeats += 1;
  const runs: { start: number; end: number }[] = [];
  let start = 0;
  for (let t = 1; t <= values.length; t += 1) {
    if (t < values.length && same(values[t] as number, values[t - 1] as number)) continue;
    const length = t - start;
    if (length >= minRun) runs.push({ start, end: t - 1 });
    start = t;
  }
  const repeatsOutsideRuns = repeats - runs.reduce((sum, run) => sum + run.end - run.start, 0);
  return repeatsOutsideRuns <= 0.05 * Math.max(1, values.length - 1) ? runs : [];
}
