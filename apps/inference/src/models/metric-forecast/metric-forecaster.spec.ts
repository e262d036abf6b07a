import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backtestForecasters } from '../../evaluation/forecast-backtest';
import { MEASUREMENT_FREQUENCIES } from '../../series/measurement-frequency';
import { MetricObservation } from '../../series/metric-observation';
import { simulateMetricSeries } from '../../simulation/metric-series.simulator';
import { FORECAST_METHODS } from './forecast-method';
import { forecastModelFiles, loadForecaster } from './metric-forecast.artifact';
import { FORECAST_STRATEGIES } from './metric-forecast.trainer';
import { MetricForecaster } from './metric-forecaster';

const served = FORECAST_STRATEGIES['select-any'];
if (!served) throw new Error('the select-any strategy is gone');
const model = new MetricForecaster(served);
const seasonalNaive = new MetricForecaster({ strategy: 'select', candidates: ['seasonal-naive'], maxOrigins: 40 });
const daily = (values: readonly number[]): MetricObservation[] =>
  values.map((value, i) => ({ measuredOn: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10), value }));

const shift = (isoDate: string, days: number): string =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('MetricForecaster', () => {
  it('beats seasonal-naive (MASE ratio below 1) on a rolling-origin backtest of unseen simulated series', () => {
    // Seeds far from the evaluation report's, so nothing here tuned the strategy.
    const series = Array.from({ length: 60 }, (_, i) =>
      simulateMetricSeries(9_000_000 + i, { frequency: MEASUREMENT_FREQUENCIES[i % 5] }),
    );
    const accuracy = backtestForecasters(series, [
      { name: 'model', forecaster: model },
      { name: 'seasonal-naive', forecaster: seasonalNaive },
    ]);
    const mase = (name: string) => accuracy.get(name)?.summary().mase ?? Number.NaN;
    expect(mase('model') / mase('seasonal-naive')).toBeLessThan(1);
  });

  it('forecasts from the origin, on the calendar, with nested intervals around the point', () => {
    const values = daily(Array.from({ length: 120 }, (_, i) => 100 + i + (i % 7 === 5 ? 30 : 0)));
    const forecast = model.forecast({ history: { frequency: 'daily', values }, horizon: 10, origin: '2026-03-31' });
    expect(forecast.lastObserved).toBe('2026-03-31');
    expect(forecast.points.map((p) => p.date)).toEqual(
      daily(new Array<number>(10).fill(0)).map((o) => shift(o.measuredOn, 90)),
    );
    for (const p of forecast.points) {
      expect(p.lower95).toBeLessThanOrEqual(p.lower80);
      expect(p.lower80).toBeLessThanOrEqual(p.value);
      expect(p.value).toBeLessThanOrEqual(p.upper80);
      expect(p.upper80).toBeLessThanOrEqual(p.upper95);
    }
  });

  it.each([
    ['no values', []],
    ['one value', daily([5])],
    ['two values', daily([5, 6])],
    ['a constant series', daily(new Array<number>(60).fill(3))],
    ['zeros and negatives', daily(Array.from({ length: 40 }, (_, i) => (i % 3) - 1))],
    ['non-finite values', daily([1, Number.NaN, Number.POSITIVE_INFINITY, 4, 5, 6, 7, 8])],
    ['a long gap', [...daily([1, 2, 3]), { measuredOn: '2026-06-01', value: 9 }]],
    ['unparseable dates', [{ measuredOn: 'yesterday', value: 1 }, ...daily([2, 3, 4])]],
  ])('does not throw on %s and returns finite numbers', (_name, values) => {
    for (const frequency of MEASUREMENT_FREQUENCIES) {
      const forecast = model.forecast({ history: { frequency, values }, horizon: 6 });
      const numbers = forecast.points.flatMap((p) => [p.value, p.lower80, p.upper80, p.lower95, p.upper95]);
      expect(numbers.every(Number.isFinite)).toBe(true);
      expect(forecast.points).toHaveLength(values.some((v) => Number.isFinite(v.value)) ? 6 : 0);
    }
  });

  it.each(FORECAST_METHODS)('forecasts finite numbers with %s alone, on every frequency and shape', (method) => {
    const alone = new MetricForecaster({ strategy: 'select', candidates: [method], maxOrigins: 40 });
    const shapes = Array.from({ length: 40 }, (_, i) => {
      const s = simulateMetricSeries(7_000_000 + i, { frequency: MEASUREMENT_FREQUENCIES[i % 5] });
      return { frequency: s.frequency, values: s.observations };
    });
    // A positive series that collapses towards zero, and one that swings through it.
    const collapsing = daily(Array.from({ length: 60 }, (_, i) => 1000 * 0.8 ** i + (i % 7) * 1e-6));
    const swinging = daily(Array.from({ length: 60 }, (_, i) => 50 * Math.sin(i / 3) + (i % 7 === 0 ? 200 : 0)));
    for (const history of [
      ...shapes,
      { frequency: 'daily' as const, values: collapsing },
      { frequency: 'daily' as const, values: swinging },
    ]) {
      const forecast = alone.forecast({ history, horizon: 30 });
      const numbers = forecast.points.flatMap((p) => [p.value, p.lower80, p.upper80, p.lower95, p.upper95]);
      expect(numbers.every(Number.isFinite)).toBe(true);
    }
  });

  it('never forecasts below zero for a series that never went below zero', () => {
    const values = daily(Array.from({ length: 50 }, (_, i) => Math.max(0, 50 - 2 * i)));
    const forecast = model.forecast({ history: { frequency: 'daily', values }, horizon: 30 });
    expect(Math.min(...forecast.points.map((p) => p.lower95))).toBeGreaterThanOrEqual(0);
  });

  it('gives identical forecasts after a save/load round trip', async () => {
    const root = await mkdtemp(join(tmpdir(), 'qbm-forecast-'));
    try {
      const files = forecastModelFiles(model);
      for (const [name, content] of Object.entries(files)) await writeFile(join(root, name), content);
      const loaded = await loadForecaster(root);
      const history = {
        frequency: 'weekly' as const,
        values: simulateMetricSeries(77, { frequency: 'weekly' }).observations,
      };
      expect(loaded.forecast({ history, horizon: 8 })).toEqual(model.forecast({ history, horizon: 8 }));
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
