import { mean, quantile } from '../../series/robust-statistics';

export const INTERVAL_LEVELS = [0.8, 0.95] as const;
export type IntervalLevel = (typeof INTERVAL_LEVELS)[number];

export type IntervalSource = 'backtest' | 'assumed';

// Half-widths per step for each level. From backtest errors: each step's mean absolute error sets
// the scale (never shrinking with the step), and the pooled errors divided by that scale set the
// multiplier, taken at the split-conformal rank ceil((n+1)·level)/n, so heavy tails widen the band
// instead of being assumed away. Steps the backtest did not reach grow with √h from the last one seen.
export interface IntervalHalfWidths {
  source: IntervalSource;
  byLevel: Record<IntervalLevel, number[]>;
}

const MIN_POOLED_ERRORS = 10;
// Below this many pooled errors the empirical multiplier is too noisy to trust on its own.
const RELIABLE_POOLED_ERRORS = 50;
// Normal quantiles times √(π/2), which turns a mean absolute error into a standard deviation.
const ASSUMED_MULTIPLIER: Record<IntervalLevel, number> = { 0.8: 1.2816 * 1.2533, 0.95: 1.96 * 1.2533 };

function stepScales(errorsByStep: readonly (readonly number[])[], horizon: number, fallbackScale: number): number[] {
  const scales: number[] = [];
  let lastSeen = -1;
  for (let h = 0; h < horizon; h += 1) {
    const errors = errorsByStep[h] ?? [];
    const previous = scales[h - 1] ?? 0;
    if (errors.length > 0) {
      scales.push(Math.max(previous, mean(errors.map(Math.abs))));
      lastSeen = h;
    } else if (lastSeen >= 0) {
      scales.push(Math.max(previous, (scales[lastSeen] as number) * Math.sqrt((h + 1) / (lastSeen + 1))));
    } else {
      scales.push(fallbackScale * Math.sqrt(h + 1));
    }
  }
  return scales;
}

function conformalQuantile(scores: readonly number[], level: number): number {
  const n = scores.length;
  const rank = Math.ceil((n + 1) * level) / n;
  if (rank > 1) return Math.max(...scores) * (1 + (rank - 1));
  return quantile(scores, rank);
}

// `oneStepScale` is the mean absolute one-step change of the history: the scale when the backtest gave nothing.
export function intervalHalfWidths(
  errorsByStep: readonly (readonly number[])[],
  horizon: number,
  oneStepScale: number,
): IntervalHalfWidths {
  const scales = stepScales(errorsByStep, horizon, oneStepScale);
  const scores: number[] = [];
  errorsByStep.forEach((errors, h) => {
    const scale = scales[h];
    if (scale === undefined || scale <= 0) return;
    for (const error of errors) scores.push(Math.abs(error) / scale);
  });
  const empirical = scores.length >= MIN_POOLED_ERRORS;
  const byLevel = {} as Record<IntervalLevel, number[]>;
  for (const level of INTERVAL_LEVELS) {
    const assumed = ASSUMED_MULTIPLIER[level];
    const observed = empirical ? conformalQuantile(scores, level) : assumed;
    const multiplier = scores.length >= RELIABLE_POOLED_ERRORS ? observed : Math.max(observed, assumed);
    byLevel[level] = scales.map((scale) => multiplier * scale);
  }
  return { source: empirical ? 'backtest' : 'assumed', byLevel };
}
