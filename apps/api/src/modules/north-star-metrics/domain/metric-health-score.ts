import { HealthBand, MeasurementFrequency, MetricDirection } from '../entities/north-star-metric.entity';

export const HEALTH_WEIGHTS = {
  achievement: 0.35,
  trend: 0.25,
  completeness: 0.15,
  stability: 0.15,
  importance: 0.1,
} as const;
export type HealthComponents = Record<keyof typeof HEALTH_WEIGHTS, number>;

export interface MetricPoint {
  date: string;
  value: number;
}

export interface MetricHealthInput {
  direction: MetricDirection;
  baselineValue: number;
  targetValue: number;
  frequency: MeasurementFrequency;
  isPrimary: boolean;
  objectivePriority: number | null;
  // Ascending by date, one per date; at least the last healthWindowSize(frequency) stored points.
  points: readonly MetricPoint[];
  asOf: Date;
}

export interface MetricHealth {
  score: number;
  band: HealthBand;
  components: HealthComponents;
}

// How the parts are defined (each in [0,1]):
// - achievement: increase/decrease: (current - baseline) / (target - baseline), clamped; the sign of the
//   gap makes it direction-aware. maintain: 1 - |current - target| / tolerance, tolerance = 10% of the
//   larger of |target| and |baseline|.
// - trend: least-squares slope over the last TREND_POINTS points. increase/decrease: 0.5 when flat, 1 when
//   moving towards the target at the pace that closes the baseline→target gap in PACE_HORIZON_DAYS, 0 at that
//   pace the wrong way. maintain: 1 when flat, 0 when the fitted line drifts by the tolerance across the window.
// - completeness: points observed / points expected at the frequency, over the last COMPLETENESS_PERIODS
//   periods (never before the first value). The window runs up to today less one period, so a metric that
//   stops reporting loses completeness.
// - stability: 1 / (1 + residual sd around the trend line / scale), scale = max(|mean|, |baseline|, |target|):
//   steady growth is not noise, and series near zero are judged against the metric's own magnitude.
// - importance: 1 for the primary metric, else the linked objective's priority / 10, else 0.5.
// Trend needs 2 points and stability 3; with fewer they are neutral (0.5).
export const TREND_POINTS = 30;
export const PACE_HORIZON_DAYS = 365;
const MAINTAIN_TOLERANCE = 0.1;
const NEUTRAL = 0.5;
const EPSILON = 1e-9;
const DAY_MS = 86_400_000;

const PERIOD_DAYS: Record<MeasurementFrequency, number> = {
  daily: 1,
  weekly: 7,
  monthly: 365.25 / 12,
  quarterly: 365.25 / 4,
  yearly: 365.25,
};
const COMPLETENESS_PERIODS: Record<MeasurementFrequency, number> = {
  daily: 90,
  weekly: 26,
  monthly: 12,
  quarterly: 8,
  yearly: 5,
};

export function healthBand(score: number): HealthBand {
  if (score >= 0.8) return 'excellent';
  if (score >= 0.6) return 'good';
  if (score >= 0.4) return 'fair';
  return 'poor';
}

// The number of most recent points computeMetricHealth needs to see (dates are unique, so this covers the window).
export function healthWindowSize(frequency: MeasurementFrequency): number {
  return Math.max(TREND_POINTS, Math.ceil(completenessWindowDays(frequency)) + 1);
}

export function computeMetricHealth(input: MetricHealthInput): MetricHealth | null {
  const latest = input.points[input.points.length - 1];
  if (!latest) return null;
  const recent = input.points.slice(-TREND_POINTS);
  const raw: HealthComponents = {
    achievement: achievement(input, latest.value),
    trend: trend(input, recent),
    completeness: completeness(input),
    stability: stability(input, recent),
    importance: metricImportance(input),
  };
  const components = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, round(v)])) as HealthComponents;
  const weighted = (Object.keys(HEALTH_WEIGHTS) as Array<keyof HealthComponents>).reduce(
    (sum, k) => sum + HEALTH_WEIGHTS[k] * raw[k],
    0,
  );
  const score = round(clamp01(weighted));
  return { score, band: healthBand(score), components };
}

function achievement(input: MetricHealthInput, current: number): number {
  if (input.direction === 'maintain') return clamp01(1 - Math.abs(current - input.targetValue) / tolerance(input));
  const gap = input.targetValue - input.baselineValue;
  if (Math.abs(gap) < EPSILON) {
    const reached = input.direction === 'increase' ? current >= input.targetValue : current <= input.targetValue;
    return reached ? 1 : 0;
  }
  return clamp01((current - input.baselineValue) / gap);
}

function trend(input: MetricHealthInput, recent: readonly MetricPoint[]): number {
  const fit = leastSquares(recent);
  if (!fit) return NEUTRAL;
  if (input.direction === 'maintain') return clamp01(1 - (Math.abs(fit.slope) * fit.spanDays) / tolerance(input));
  const towardsTarget = input.direction === 'increase' ? fit.slope : -fit.slope;
  const neededPace = Math.max(Math.abs(input.targetValue - input.baselineValue) / PACE_HORIZON_DAYS, EPSILON);
  return clamp01(NEUTRAL + NEUTRAL * (towardsTarget / neededPace));
}

function completeness(input: MetricHealthInput): number {
  const period = PERIOD_DAYS[input.frequency];
  const days = input.points.map((p) => dayNumber(p.date));
  const first = days[0] ?? 0;
  const latest = days[days.length - 1] ?? 0;
  const end = Math.max(latest, Math.floor(input.asOf.getTime() / DAY_MS) - period);
  const start = Math.max(first, end - completenessWindowDays(input.frequency));
  const observed = days.filter((d) => d >= start && d <= end).length;
  const expected = Math.round((end - start) / period) + 1;
  return clamp01(observed / expected);
}

function stability(input: MetricHealthInput, recent: readonly MetricPoint[]): number {
  const fit = leastSquares(recent);
  if (!fit || recent.length < 3) return NEUTRAL;
  const residualSd = Math.sqrt(fit.squaredResiduals / (recent.length - 2));
  const scale = Math.max(Math.abs(fit.mean), Math.abs(input.baselineValue), Math.abs(input.targetValue), EPSILON);
  return clamp01(1 / (1 + residualSd / scale));
}

export function metricImportance(input: Pick<MetricHealthInput, 'isPrimary' | 'objectivePriority'>): number {
  if (input.isPrimary) return 1;
  if (input.objectivePriority !== null) return clamp01(input.objectivePriority / 10);
  return NEUTRAL;
}

interface LineFit {
  slope: number;
  spanDays: number;
  mean: number;
  squaredResiduals: number;
}

function leastSquares(points: readonly MetricPoint[]): LineFit | null {
  if (points.length < 2) return null;
  const xs = points.map((p) => dayNumber(p.date));
  const ys = points.map((p) => p.value);
  const n = points.length;
  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  xs.forEach((x, i) => {
    sxx += (x - meanX) ** 2;
    sxy += (x - meanX) * ((ys[i] ?? 0) - meanY);
  });
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const squaredResiduals = xs.reduce((sum, x, i) => sum + ((ys[i] ?? 0) - (meanY + slope * (x - meanX))) ** 2, 0);
  return { slope, spanDays: (xs[n - 1] ?? 0) - (xs[0] ?? 0), mean: meanY, squaredResiduals };
}

function completenessWindowDays(frequency: MeasurementFrequency): number {
  return COMPLETENESS_PERIODS[frequency] * PERIOD_DAYS[frequency];
}

function tolerance(input: MetricHealthInput): number {
  return Math.max(MAINTAIN_TOLERANCE * Math.max(Math.abs(input.targetValue), Math.abs(input.baselineValue)), EPSILON);
}

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

// Overflowing arithmetic on extreme values can yield NaN; it counts as the worst case rather than poisoning the score.
function clamp01(x: number): number {
  if (Number.isNaN(x)) return 0;
  return Math.min(1, Math.max(0, x));
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
