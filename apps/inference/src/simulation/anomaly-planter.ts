import { SeededRandom } from '../random/seeded-random';
import { SimulatedMetricSeries } from './simulated-metric-series';

export const ANOMALY_KINDS = ['spike', 'dip', 'level-shift', 'flat-line'] as const;
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];

// A labelled anomaly: the steps [start, end] a detector should flag (a level shift is labelled at its
// first three steps: after that the new level is the normal).
export interface PlantedAnomaly {
  kind: AnomalyKind;
  start: number;
  end: number;
}

export interface SeriesWithAnomalies {
  series: SimulatedMetricSeries;
  anomalies: PlantedAnomaly[];
}

// Plants about one anomaly per 80 steps (1 to 6), at least 10 steps apart and after the first 10,
// sized against the local noise: spikes and dips 4–9 σ, level shifts 5–10 σ, flat-lines of 5–10 steps
// repeating the last value. Missing steps stay missing.
export function plantAnomalies(series: SimulatedMetricSeries, seed: number): SeriesWithAnomalies {
  const random = new SeededRandom(seed);
  const complete = series.complete.slice();
  const n = complete.length;
  const count = Math.min(6, Math.max(1, Math.round(n / 80)));
  const starts: number[] = [];
  for (let attempt = 0; attempt < 50 && starts.length < count; attempt += 1) {
    const start = random.int(10, n - 1);
    if (starts.every((s) => Math.abs(s - start) >= 10)) starts.push(start);
  }
  const nonNegative = series.complete.every((v) => v >= 0);
  const anomalies = starts
    .sort((a, b) => a - b)
    .map((start): PlantedAnomaly => {
      const kind = random.pick(ANOMALY_KINDS);
      const sigma = series.noiseScale[start] as number;
      switch (kind) {
        case 'spike':
        case 'dip': {
          const size = random.uniform(4, 9) * sigma * (kind === 'spike' ? 1 : -1);
          complete[start] = (complete[start] as number) + size;
          if (nonNegative) complete[start] = Math.max(0, complete[start]);
          return { kind, start, end: start };
        }
        case 'level-shift': {
          // A positive metric never shifts below half its level: a fall to zero would be an outage, not a shift.
          const drop = nonNegative ? -0.5 * Math.abs(complete[start] as number) : Number.NEGATIVE_INFINITY;
          const size = Math.max(drop, random.pick([-1, 1]) * random.uniform(5, 10) * sigma);
          for (let s = start; s < n; s += 1) complete[s] = (complete[s] as number) + size;
          if (nonNegative) for (let s = start; s < n; s += 1) complete[s] = Math.max(0, complete[s] as number);
          return { kind, start, end: Math.min(n - 1, start + 2) };
        }
        case 'flat-line': {
          const end = Math.min(n - 1, start + random.int(4, 9));
          for (let s = start; s <= end; s += 1) complete[s] = complete[start - 1] as number;
          return { kind, start, end };
        }
      }
    });
  const observed = new Set(series.observations.map((o) => o.measuredOn));
  const observations = complete.flatMap((value, s) => {
    const measuredOn = series.dates[s] as string;
    return observed.has(measuredOn) ? [{ measuredOn, value }] : [];
  });
  return { series: { ...series, complete, observations }, anomalies };
}
