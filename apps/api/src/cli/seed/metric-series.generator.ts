import { addDays, daysBetween, isoDate, Period } from './calendar-dates';
import { SeededRandom } from './seeded-random';

export type SeriesFrequency = 'daily' | 'weekly' | 'monthly';

// How one metric behaved over the year: a trend, a weekly rhythm, noise, and the blemishes real data has.
export interface SeriesModel {
  start: number; // the trend's value on the first day
  end: number; // the trend's value on the last day
  curve: number; // 1 linear, > 1 accelerating, < 1 levelling off
  weekly: number; // weekday/weekend swing relative to the trend; negative when weekends run higher
  noise: number; // relative standard deviation of the day-to-day noise
  decimals: number;
  min?: number;
  max?: number;
  gapRate: number; // share of measurements that never arrived
  outage: number; // one run of consecutive missing measurements (a broken pipeline)
  anomalies: number; // isolated spikes or drops for anomaly detection to find
}

export interface SeriesPoint {
  date: string;
  value: number;
}

export interface GeneratedSeries {
  points: SeriesPoint[];
  anomalies: string[];
}

// Sunday first, as getUTCDay() counts; business usage peaks mid-week and drops at the weekend.
const WEEK_SHAPE = [-1, 0.35, 0.45, 0.45, 0.4, 0.15, -0.85];
const WEEK_MEAN = WEEK_SHAPE.reduce((a, b) => a + b, 0) / WEEK_SHAPE.length;
const WEEK_PROFILE = WEEK_SHAPE.map((v) => v - WEEK_MEAN);
const RECENT_POINTS = 30;

export function measurementDates(frequency: SeriesFrequency, range: Period): Date[] {
  const dates: Date[] = [];
  for (let day = range.start; day <= range.end; day = addDays(day, 1)) {
    if (
      frequency === 'daily' ||
      (frequency === 'weekly' && day.getUTCDay() === 1) ||
      (frequency === 'monthly' && day.getUTCDate() === 1)
    ) {
      dates.push(day);
    }
  }
  return dates;
}

export function generateSeries(
  model: SeriesModel,
  frequency: SeriesFrequency,
  range: Period,
  random: SeededRandom,
): GeneratedSeries {
  const dates = measurementDates(frequency, range);
  const span = Math.max(1, daysBetween(range.start, range.end));
  const missing = missingIndexes(model, dates.length, random);
  const spikes = anomalyIndexes(model.anomalies, dates.length, missing, random);

  const points: SeriesPoint[] = [];
  const anomalies: string[] = [];
  dates.forEach((day, i) => {
    const noise = 1 + model.noise * random.normal();
    if (missing.has(i)) return;
    const f = daysBetween(range.start, day) / span;
    const trend = model.start + (model.end - model.start) * Math.pow(f, model.curve);
    const season = frequency === 'daily' ? 1 + model.weekly * (WEEK_PROFILE[day.getUTCDay()] ?? 0) : 1;
    let value = trend * season * noise;
    const spike = spikes.get(i);
    if (spike !== undefined) {
      value *= spike;
      anomalies.push(isoDate(day));
    }
    points.push({ date: isoDate(day), value: round(clamp(value, model.min, model.max), model.decimals) });
  });
  return { points, anomalies };
}

// Gaps never touch the first or last measurement, so the series spans the whole range and its latest value is current.
function missingIndexes(model: SeriesModel, count: number, random: SeededRandom): Set<number> {
  const missing = new Set<number>();
  for (let i = 1; i < count - 1; i++) if (random.chance(model.gapRate)) missing.add(i);
  if (model.outage > 0 && count > model.outage + 2) {
    const from = random.int(Math.floor(count * 0.1), Math.floor(count * 0.8));
    for (let i = from; i < Math.min(count - 1, from + model.outage); i++) missing.add(i);
  }
  return missing;
}

// The first anomaly lands in the recent past (what a detector looks at first); the rest anywhere.
function anomalyIndexes(
  wanted: number,
  count: number,
  missing: Set<number>,
  random: SeededRandom,
): Map<number, number> {
  const spikes = new Map<number, number>();
  for (let attempt = 0; spikes.size < wanted && attempt < wanted * 20; attempt++) {
    const lowest = spikes.size === 0 ? Math.max(1, count - RECENT_POINTS) : 1;
    const index = random.int(lowest, count - 2);
    if (index < 1 || missing.has(index) || spikes.has(index)) continue;
    spikes.set(index, random.chance(0.6) ? 1 + random.between(0.6, 1.1) : 1 - random.between(0.4, 0.6));
  }
  return spikes;
}

function clamp(value: number, min: number | undefined, max: number | undefined): number {
  return Math.min(max ?? Infinity, Math.max(min ?? -Infinity, value));
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
