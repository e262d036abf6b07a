import { SeededRandom } from '../random/seeded-random';
import { FrequencyCalendar } from '../series/frequency-calendar';
import { DAYS_PER_STEP, MEASUREMENT_FREQUENCIES, MeasurementFrequency } from '../series/measurement-frequency';
import { seasonalShape, weekdayShape } from './seasonal-shape';
import { MetricSeriesComponents, SimulatedMetricSeries } from './simulated-metric-series';

// Length ranges per frequency, short histories included on purpose.
const LENGTHS: Record<MeasurementFrequency, [number, number]> = {
  daily: [45, 730],
  weekly: [20, 260],
  monthly: [10, 120],
  quarterly: [8, 60],
  yearly: [5, 30],
};
const FIRST_DATES: Record<MeasurementFrequency, string> = {
  daily: '2021-03-01',
  weekly: '2019-01-07',
  monthly: '2014-01-01',
  quarterly: '2010-01-01',
  yearly: '1995-01-01',
};

export interface MetricSeriesOptions {
  frequency?: MeasurementFrequency;
  length?: number;
}

// Trend in units of the starting level after `years`: linear, damped (growth fading with time
// constant tau) or with a slope change part way.
function trendPath(random: SeededRandom, kind: MetricSeriesComponents['trend']): (years: number) => number {
  const growth = random.normal(0.08, 0.25);
  const tau = random.uniform(0.5, 3);
  const breakAt = random.uniform(0.3, 3);
  const newGrowth = random.normal(0, 0.3);
  switch (kind) {
    case 'none':
      return () => 0;
    case 'linear':
      return (t) => growth * t;
    case 'damped':
      return (t) => growth * tau * (1 - Math.exp(-t / tau));
    case 'changing':
      return (t) => (t < breakAt ? growth * t : growth * breakAt + newGrowth * (t - breakAt));
  }
}

function seasonalPattern(random: SeededRandom, frequency: MeasurementFrequency): (step: number) => number {
  const amplitude = random.uniform(0.05, 0.35);
  switch (frequency) {
    case 'daily': {
      const week = weekdayShape(random, amplitude);
      const year = random.chance(0.3) ? seasonalShape(random, 365, amplitude / 2) : null;
      return (s) => (week[s % 7] as number) + (year ? (year[s % 365] as number) : 0);
    }
    case 'weekly':
    case 'monthly':
    case 'quarterly': {
      const period = frequency === 'weekly' ? 52 : frequency === 'monthly' ? 12 : 4;
      const shape = seasonalShape(random, period, amplitude);
      return (s) => shape[s % period] as number;
    }
    case 'yearly':
      return () => 0;
  }
}

// One north-star metric series: level × exp(trend) (level + trend when it may cross zero) with seasonality, noise (normal or Student-t,
// AR(1)-correlated, optionally proportional to the level), permanent level shifts and missing values.
export function simulateMetricSeries(seed: number, options: MetricSeriesOptions = {}): SimulatedMetricSeries {
  const random = new SeededRandom(seed);
  const frequency = options.frequency ?? random.pick(MEASUREMENT_FREQUENCIES);
  const [minLength, maxLength] = LENGTHS[frequency];
  const length = options.length ?? random.int(minLength, maxLength);
  const components: MetricSeriesComponents = {
    trend: random.weighted({ none: 3, linear: 3.5, damped: 2, changing: 1.5 }),
    seasonality:
      frequency === 'yearly' || random.chance(0.3) ? 'none' : random.chance(0.6) ? 'multiplicative' : 'additive',
    noise: random.chance(0.3) ? 'heavy-tailed' : 'gaussian',
    heteroscedastic: random.chance(0.5),
    levelShifts: random.chance(0.25) ? random.int(1, 2) : 0,
    missingShare: random.chance(0.3) ? random.uniform(0.02, 0.1) : 0,
  };
  const crossesZero = random.chance(0.1);
  const level = crossesZero ? random.uniform(-50, 50) : 10 ** random.uniform(1, 5);
  const scale = crossesZero ? random.uniform(20, 200) : level;
  const trend = trendPath(random, components.trend);
  const season = components.seasonality === 'none' ? () => 0 : seasonalPattern(random, frequency);
  const noiseShare = random.uniform(0.01, 0.12) * Math.sqrt(Math.min(1, DAYS_PER_STEP[frequency] / 7) + 0.2);
  const autocorrelation = random.chance(0.5) ? random.uniform(0, 0.7) : 0;
  const shifts = Array.from({ length: components.levelShifts }, () => ({
    at: random.int(Math.floor(length * 0.2), Math.max(Math.floor(length * 0.2), length - 2)),
    size: random.pick([-1, 1]) * random.uniform(0.1, 0.4),
  }));
  const complete: number[] = [];
  const noiseScale: number[] = [];
  let previousNoise = 0;
  for (let s = 0; s < length; s += 1) {
    const years = (s * DAYS_PER_STEP[frequency]) / 365.25;
    const shifted = shifts.reduce((sum, shift) => sum + (s >= shift.at ? shift.size : 0), 0);
    // Positive metrics grow and shift multiplicatively, so a falling trend never drives them to zero.
    const base = crossesZero ? level + scale * (trend(years) + shifted) : level * Math.exp(trend(years) + shifted);
    const seasonal = season(s);
    const clean = components.seasonality === 'multiplicative' ? base * (1 + seasonal) : base + scale * seasonal;
    const sd = noiseShare * (components.heteroscedastic ? Math.max(Math.abs(clean), scale * 0.05) : scale);
    const innovation = components.noise === 'heavy-tailed' ? random.studentT(3) / Math.sqrt(3) : random.normal();
    previousNoise = autocorrelation * previousNoise + Math.sqrt(1 - autocorrelation ** 2) * innovation;
    const value = clean + sd * previousNoise;
    complete.push(crossesZero ? value : Math.max(0, value));
    noiseScale.push(sd);
  }
  const calendar = new FrequencyCalendar(frequency, FIRST_DATES[frequency]);
  const offset = random.int(0, 20);
  const dates = complete.map((_, s) => calendar.date(s + offset));
  const missing = new Set<number>();
  for (let s = 1; s < length - 1; s += 1) if (random.chance(components.missingShare)) missing.add(s);
  const observations = complete.flatMap((value, s) =>
    missing.has(s) ? [] : [{ measuredOn: dates[s] as string, value }],
  );
  return { id: `metric-${seed}`, frequency, complete, noiseScale, dates, observations, components };
}
