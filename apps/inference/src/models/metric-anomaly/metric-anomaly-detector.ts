import { SEASON_LENGTH } from '../../series/measurement-frequency';
import { interpolateGaps, toRegularSeries } from '../../series/regular-series';
import { flatLineRuns } from './flat-line-runs';
import { levelShiftScores } from './level-shift-score';
import { AnomalyReason, MetricAnomalyConfig, MetricAnomalyRequest, ScoredMetricValue } from './metric-anomaly.types';
import { robustDecomposition } from './robust-decomposition';

export interface StepScore {
  score: number;
  reason: AnomalyReason | null;
  expected: number;
}

// The finest step the values are measured in (1 for counts, 0.1 for one decimal); 0 for
// continuous data. The smallest gap between distinct values, when it divides the others.
export function measurementResolution(values: readonly number[]): number {
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  let step = Infinity;
  for (let i = 1; i < distinct.length; i += 1)
    step = Math.min(step, (distinct[i] as number) - (distinct[i - 1] as number));
  if (!Number.isFinite(step) || step <= 0) return 0;
  const onGrid = distinct.every((v) => Math.abs(v / step - Math.round(v / step)) < 1e-6);
  return onGrid ? step : 0;
}

// Values the series takes at least COMMON_SHARE of the time at the same phase of its season (the same
// weekday of daily data): a state it is often in there (idle at zero, a quantised gauge's lower step)
// is not a spike or a dip, however far from the local median. A metric that is zero every weekend is
// still flagged for a zero on a Tuesday. Only series with repeated exact values have any.
const COMMON_SHARE = 0.1;
function commonAtPhase(y: readonly number[], period: number): (t: number) => boolean {
  const phases = Math.max(1, period);
  const counts = Array.from({ length: phases }, () => new Map<number, number>());
  y.forEach((v, t) => {
    const phase = counts[t % phases] as Map<number, number>;
    phase.set(v, (phase.get(v) ?? 0) + 1);
  });
  const common = counts.map((phase, p) => {
    const least = Math.max(3, COMMON_SHARE * Math.ceil((y.length - p) / phases));
    return new Set([...phase].filter(([, count]) => count >= least).map(([value]) => value));
  });
  return (t) => (common[t % phases] as Set<number>).has(y[t] as number);
}

// Scores every step of a gap-free series. Positive series are decomposed on a log scale, where
// multiplicative seasonality and noise that grows with the level become additive and constant.
// The noise scale never goes below the measurement resolution: a count that is 1 most weeks has a
// MAD of 0, and a week of 2 would otherwise score in the millions.
export function scoreSteps(
  y: readonly number[],
  period: number,
  config: MetricAnomalyConfig,
  resolution = 0,
): StepScore[] {
  const logScale = y.length > 0 && y.every((v) => v > 0);
  const x = logScale ? y.map(Math.log) : y.slice();
  const parts = robustDecomposition(x, period);
  const scale = parts.scale.map((s, t) =>
    Math.max(s, logScale ? Math.log1p(resolution / Math.max(y[t] as number, resolution)) : resolution),
  );
  const adjusted = x.map((v, t) => v - (parts.seasonal[t] as number));
  const shifts = levelShiftScores(adjusted, parts.trend, scale, config.shiftWindow);
  const common = commonAtPhase(y, period);
  const steps = x.map((_, t): StepScore => {
    const residual = parts.residual[t] as number;
    const spikeScore = common(t) ? 0 : Math.abs(residual) / (scale[t] as number);
    const shiftScore = shifts[t] as number;
    const fitted = (parts.trend[t] as number) + (parts.seasonal[t] as number);
    const expected = logScale ? Math.exp(fitted) : fitted;
    if (shiftScore > spikeScore) return { score: shiftScore, reason: 'level-shift', expected };
    return { score: spikeScore, reason: residual >= 0 ? 'spike' : 'dip', expected };
  });
  for (const run of flatLineRuns(y, config.minFlatRun)) {
    const runScore = (config.threshold * (run.end - run.start + 1)) / config.minFlatRun;
    for (let t = run.start; t <= run.end; t += 1) {
      const step = steps[t] as StepScore;
      if (runScore > step.score) steps[t] = { ...step, score: runScore, reason: 'flat-line' };
    }
  }
  return steps;
}

// Scores the stored values in [from, to], using the whole history up to `to` to learn the pattern.
// Missing steps get no score; a history too short to judge (under 8 values) is scored 0, unflagged.
export class MetricAnomalyDetector {
  constructor(readonly config: MetricAnomalyConfig) {}

  detect(request: MetricAnomalyRequest): ScoredMetricValue[] {
    const regular = toRegularSeries(request.history, request.to);
    if (!regular) return [];
    const y = interpolateGaps(regular.values);
    const observed = regular.values.filter((v): v is number => v !== null);
    const steps =
      y.length >= 8
        ? scoreSteps(y, SEASON_LENGTH[request.history.frequency], this.config, measurementResolution(observed))
        : null;
    const from = request.from?.slice(0, 10) ?? '';
    const scored: ScoredMetricValue[] = [];
    regular.values.forEach((value, t) => {
      const measuredOn = regular.calendar.date(t);
      if (value === null || measuredOn < from) return;
      const step = steps?.[t];
      const score = step && Number.isFinite(step.score) ? step.score : 0;
      const flagged = score >= this.config.threshold;
      scored.push({
        measuredOn,
        value,
        score,
        flagged,
        reason: flagged ? (step?.reason ?? null) : null,
        expected: step?.expected ?? value,
      });
    });
    return scored;
  }
}
