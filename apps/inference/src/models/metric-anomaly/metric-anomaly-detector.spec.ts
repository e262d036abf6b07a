import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateDetector, evaluateRollingMad } from '../../evaluation/anomaly-backtest';
import { SeededRandom } from '../../random/seeded-random';
import { MEASUREMENT_FREQUENCIES } from '../../series/measurement-frequency';
import { plantAnomalies } from '../../simulation/anomaly-planter';
import { simulateMetricSeries } from '../../simulation/metric-series.simulator';
import { anomalyModelFiles, loadAnomalyDetector } from './metric-anomaly.artifact';
import { DEFAULT_ANOMALY_CONFIG, THRESHOLDS } from './metric-anomaly.trainer';
import { MetricAnomalyDetector } from './metric-anomaly-detector';

const detector = new MetricAnomalyDetector(DEFAULT_ANOMALY_CONFIG);
// Seeds far from the evaluation report's tuning series.
const cases = Array.from({ length: 60 }, (_, i) => plantAnomalies(simulateMetricSeries(8_000_000 + i), 8_500_000 + i));
const weekly = (values: readonly number[]) =>
  values.map((value, i) => ({ measuredOn: new Date(Date.UTC(2026, 0, 5 + 7 * i)).toISOString().slice(0, 10), value }));
const daily = (values: readonly number[]) =>
  values.map((value, i) => ({ measuredOn: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10), value }));
// The flagged readings of a daily series.
const flaggedDaily = (values: readonly number[]) =>
  detector.detect({ history: { frequency: 'daily', values: daily(values) } }).filter((s) => s.flagged);

describe('MetricAnomalyDetector', () => {
  it('finds planted anomalies (recall above the guide’s 75 %) and beats the best-tuned rolling median/MAD on F1', () => {
    const model = evaluateDetector(cases, detector).summary();
    const baselineF1 = Math.max(...THRESHOLDS.map((t) => evaluateRollingMad(cases, t).summary().f1));
    expect(model.recall).toBeGreaterThan(0.75);
    expect(model.f1).toBeGreaterThan(baselineF1);
  });

  it('judges a small integer count against its resolution, not a MAD of 0', () => {
    // A weekly incident count that is 1 most weeks: a week of 2 or 0 is ordinary, a week of 9 is not.
    const counts = [1, 2, 1, 3, 1, 1, 1, 1, 1, 1, 2, 0, 1, 0, 0, 2, 2, 2, 1, 1, 1, 2, 1, 0, 1, 1, 1, 1, 1, 1];
    const history = { frequency: 'weekly' as const, values: weekly(counts) };
    expect(detector.detect({ history }).filter((v) => v.flagged)).toEqual([]);
    const spiked = weekly(counts.map((v, t) => (t === 25 ? 9 : v)));
    const flagged = detector.detect({ history: { frequency: 'weekly', values: spiked } }).filter((v) => v.flagged);
    expect(flagged.map((v) => [v.measuredOn, v.reason])).toEqual([[spiked[25]?.measuredOn, 'spike']]);
  });

  it('flags a spike in a trending weekly-seasonal series and leaves the pattern alone', () => {
    const noise = new SeededRandom(5);
    const values = Array.from({ length: 140 }, (_, t) => 1000 + 3 * t + (t % 7 >= 5 ? -200 : 40) + noise.normal(0, 10));
    values[100] = (values[100] as number) + 150;
    const scored = detector.detect({ history: { frequency: 'daily', values: daily(values) } });
    const flagged = scored.filter((s) => s.flagged);
    expect(flagged.map((s) => s.measuredOn)).toContain(daily(values)[100]?.measuredOn);
    expect(flagged.length).toBeLessThanOrEqual(3);
    expect(flagged.find((s) => s.measuredOn === daily(values)[100]?.measuredOn)?.reason).toBe('spike');
  });

  it('leaves a series that rests at zero alone, and still flags a burst far above its usual ones', () => {
    // A disk's daily writes: idle for 5 to 15 days at a time, then a burst of 5 to 20 for a day or two.
    const noise = new SeededRandom(11);
    const writes: number[] = [];
    while (writes.length < 150) {
      writes.push(...new Array<number>(noise.int(5, 15)).fill(0));
      for (let day = noise.int(1, 2); day > 0; day -= 1) writes.push(Math.round(noise.uniform(5, 20)));
    }
    expect(flaggedDaily(writes).filter((s) => s.value === 0)).toEqual([]);
    const burst = writes.map((v, t) => (t === 120 ? 500 : v));
    expect(flaggedDaily(burst).map((s) => s.measuredOn)).toContain(daily(burst)[120]?.measuredOn);
  });

  it('does not flag the lower level of a quantised reading it takes a fifth of the time', () => {
    // A utilisation gauge reported in steps: 0.134 or 0.132 mostly, 0.066 on about a fifth of the days.
    const noise = new SeededRandom(12);
    const gauge = Array.from({ length: 200 }, () => (noise.chance(0.2) ? 0.066 : noise.chance(0.5) ? 0.134 : 0.132));
    expect(flaggedDaily(gauge).filter((s) => s.value === 0.066)).toEqual([]);
    const spiked = gauge.map((v, t) => (t === 150 ? 2.5 : v));
    expect(flaggedDaily(spiked).map((s) => [s.measuredOn, s.reason])).toContainEqual([
      daily(spiked)[150]?.measuredOn,
      'spike',
    ]);
  });

  it('still flags a zero on a weekday in a metric that is zero every weekend', () => {
    const noise = new SeededRandom(14);
    // Daily signups: none at weekends (steps 5 and 6 of each week), about 200 on weekdays.
    const signups = Array.from({ length: 140 }, (_, t) => (t % 7 >= 5 ? 0 : Math.round(200 + noise.normal(0, 10))));
    expect(flaggedDaily(signups)).toEqual([]);
    const outage = signups.map((v, t) => (t === 100 ? 0 : v));
    expect(flaggedDaily(outage).map((s) => [s.measuredOn, s.reason])).toContainEqual([
      daily(outage)[100]?.measuredOn,
      'dip',
    ]);
  });

  it('flags a reading stuck for a week in a series that otherwise moves', () => {
    const noise = new SeededRandom(13);
    const values = Array.from({ length: 120 }, (_, t) => 500 + t + noise.normal(0, 8));
    for (let t = 90; t < 97; t += 1) values[t] = values[89] as number;
    const stuck = daily(values)
      .slice(90, 97)
      .map((o) => o.measuredOn);
    expect(
      flaggedDaily(values)
        .filter((s) => s.reason === 'flat-line')
        .map((s) => s.measuredOn),
    ).toEqual(expect.arrayContaining(stuck));
  });

  it('scores only the requested date range', () => {
    const { series } = cases[0] ?? { series: simulateMetricSeries(1) };
    const from = series.observations[20]?.measuredOn ?? '';
    const to = series.observations[30]?.measuredOn ?? '';
    const scored = detector.detect({ history: { frequency: series.frequency, values: series.observations }, from, to });
    expect(scored.map((s) => s.measuredOn)).toEqual(series.observations.slice(20, 31).map((o) => o.measuredOn));
  });

  it.each([
    ['no values', []],
    ['one value', daily([4])],
    ['a constant series', daily(new Array<number>(50).fill(7))],
    ['negatives and zeros', daily(Array.from({ length: 50 }, (_, i) => (i % 4) - 2))],
    ['non-finite values', daily([1, Number.NaN, 3, Number.NEGATIVE_INFINITY, 5, 6, 7, 8, 9, 10])],
  ])('does not throw on %s and returns finite scores', (_name, values) => {
    for (const frequency of MEASUREMENT_FREQUENCIES) {
      const scored = detector.detect({ history: { frequency, values } });
      expect(scored.every((s) => Number.isFinite(s.score) && Number.isFinite(s.expected))).toBe(true);
    }
  });

  it('gives identical scores after a save/load round trip', async () => {
    const root = await mkdtemp(join(tmpdir(), 'qbm-anomaly-'));
    try {
      for (const [name, content] of Object.entries(anomalyModelFiles(detector)))
        await writeFile(join(root, name), content);
      const loaded = await loadAnomalyDetector(root);
      const { series } = cases[1] ?? { series: simulateMetricSeries(2) };
      const history = { frequency: series.frequency, values: series.observations };
      expect(loaded.detect({ history })).toEqual(detector.detect({ history }));
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
