// Runs of at least `minRun` identical consecutive values, in a series that otherwise rarely repeats
// itself (under 5 % of the steps outside runs unchanged, so integer counts that often repeat are not
// flagged), and whose value it does not sit at in other runs as well (a disk's writes or a queue's
// depth resting at zero most of the time is its normal state, not a stuck sensor).
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
  if (repeatsOutsideRuns > 0.05 * Math.max(1, values.length - 1)) return [];
  // Steps spent in runs, by the runs' first value (the tolerance above only absorbs rounding).
  const stepsAtValue = new Map<number, number>();
  for (const run of runs) {
    const value = values[run.start] as number;
    stepsAtValue.set(value, (stepsAtValue.get(value) ?? 0) + run.end - run.start + 1);
  }
  return runs.filter((run) => {
    const elsewhere = (stepsAtValue.get(values[run.start] as number) ?? 0) - (run.end - run.start + 1);
    return elsewhere <= 0.05 * values.length;
  });
}
