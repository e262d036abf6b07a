import { MetricAnomalyDetector } from '../models/metric-anomaly/metric-anomaly-detector';
import { SEASON_LENGTH } from '../series/measurement-frequency';
import { interpolateGaps, toRegularSeries } from '../series/regular-series';
import { SeriesWithAnomalies } from '../simulation/anomaly-planter';
import { DetectionAccuracy } from './detection-accuracy';
import { rollingMadScores } from './rolling-mad-baseline';

// Runs the detector through its public entry point (stored values in, scored values out) and maps
// the flagged dates back to the simulator's steps.
export function evaluateDetector(
  cases: readonly SeriesWithAnomalies[],
  detector: MetricAnomalyDetector,
): DetectionAccuracy {
  const accuracy = new DetectionAccuracy();
  for (const { series, anomalies } of cases) {
    const stepOf = new Map(series.dates.map((date, step) => [date, step] as const));
    const scored = detector.detect({ history: { frequency: series.frequency, values: series.observations } });
    const flagged = scored.filter((s) => s.flagged).map((s) => stepOf.get(s.measuredOn) ?? -1);
    accuracy.add(anomalies, flagged);
  }
  return accuracy;
}

// The rolling median/MAD baseline on the same observed values (gaps interpolated, never flagged).
export function evaluateRollingMad(cases: readonly SeriesWithAnomalies[], threshold: number): DetectionAccuracy {
  const accuracy = new DetectionAccuracy();
  for (const { series, anomalies } of cases) {
    const regular = toRegularSeries({ frequency: series.frequency, values: series.observations });
    if (!regular) continue;
    const stepOf = new Map(series.dates.map((date, step) => [date, step] as const));
    const scores = rollingMadScores(interpolateGaps(regular.values), SEASON_LENGTH[series.frequency]);
    const flagged = scores.flatMap((score, t) =>
      regular.values[t] !== null && score >= threshold ? [stepOf.get(regular.calendar.date(t)) ?? -1] : [],
    );
    accuracy.add(anomalies, flagged);
  }
  return accuracy;
}
