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
  const valueOf = (run: { start: number }): number => values[run.start] as number;
  return runs.filter((run) => {
    const stepsAtValueElsewhere = runs
      .filter((other) => other !== run && same(valueOf(other), valueOf(run)))
      .reduce((sum, other) => sum + other.end - other.start + 1, 0);
    return stepsAtValueElsewhere <= 0.05 * values.length;
  });
}
