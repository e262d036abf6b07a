import { dayNumber, isoDate } from '../../series/calendar-day';
import { DAYS_PER_STEP } from '../../series/measurement-frequency';
import { MetricHistory } from '../../series/metric-observation';
import { interpolateGaps, toRegularSeries } from '../../series/regular-series';
import { median } from '../../series/robust-statistics';

const MIN_HISTORY = 8;

// How much the linked metric usually moves over one period's length, from its values before the
// period: the median absolute change at that lag, or, on a history shorter than two periods, the
// median one-step change scaled by √lag (a random walk's spread). Null without enough history.
export function typicalChange(metric: MetricHistory, periodStart: string, periodDays: number): number | null {
  const regular = toRegularSeries(metric, isoDate(Math.floor(dayNumber(periodStart)) - 1));
  if (!regular) return null;
  const y = interpolateGaps(regular.values);
  if (y.length < MIN_HISTORY) return null;
  const lag = Math.max(1, Math.round(periodDays / DAYS_PER_STEP[metric.frequency]));
  const changes = (step: number): number[] => y.slice(step).map((value, i) => Math.abs(value - (y[i] as number)));
  const typical = y.length >= 2 * lag + MIN_HISTORY ? median(changes(lag)) : median(changes(1)) * Math.sqrt(lag);
  return Number.isFinite(typical) ? typical : null;
}

// The key result's required move in units of the metric's typical move over such a period.
export function ambitionRatio(
  baselineValue: number,
  targetValue: number,
  metric: MetricHistory | null | undefined,
  periodStart: string,
  periodDays: number,
): number | null {
  if (!metric) return null;
  const typical = typicalChange(metric, periodStart, periodDays);
  if (typical === null) return null;
  const required = Math.abs(targetValue - baselineValue);
  return typical > 0 ? required / typical : required > 0 ? Number.POSITIVE_INFINITY : 0;
}
