import { addDays, isoDate, Period } from './calendar-dates';
import { generateSeries, measurementDates, SeriesModel } from './metric-series.generator';
import { SeededRandom } from './seeded-random';

describe('generateSeries', () => {
  const end = new Date('2026-03-15');
  const year: Period = { start: addDays(end, -364), end };
  const plain: SeriesModel = {
    start: 100,
    end: 200,
    curve: 1,
    weekly: 0,
    noise: 0,
    decimals: 2,
    gapRate: 0,
    outage: 0,
    anomalies: 0,
  };
  const run = (model: Partial<SeriesModel>, seed = 1, frequency: 'daily' | 'weekly' | 'monthly' = 'daily') =>
    generateSeries({ ...plain, ...model }, frequency, year, new SeededRandom(seed));

  it('produces one value per day of the year, in order, on the trend when nothing else is asked for', () => {
    const { points, anomalies } = run({});
    expect(points).toHaveLength(365);
    expect(anomalies).toEqual([]);
    expect(points[0]).toEqual({ date: isoDate(year.start), value: 100 });
    expect(points[364]).toEqual({ date: '2026-03-15', value: 200 });
    expect(points[182]?.value).toBeCloseTo(150, 0);
    const dates = points.map((p) => p.date);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(365);
  });

  it('is reproducible for a seed and different for another', () => {
    const model = { noise: 0.05, weekly: 0.2, gapRate: 0.02, outage: 4, anomalies: 3 };
    expect(run(model, 9)).toEqual(run(model, 9));
    expect(run(model, 9)).not.toEqual(run(model, 10));
  });

  it('leaves gaps and one outage, but never drops the first or last day', () => {
    const { points } = run({ gapRate: 0.02, outage: 5 }, 4);
    expect(points.length).toBeLessThanOrEqual(365 - 5);
    expect(points.length).toBeGreaterThan(330);
    expect(points[0]?.date).toBe(isoDate(year.start));
    expect(points[points.length - 1]?.date).toBe('2026-03-15');
  });

  it('marks exactly the requested anomalies, one of them in the last 30 days, off the trend', () => {
    const { points, anomalies } = run({ anomalies: 3 }, 5);
    expect(anomalies).toHaveLength(3);
    expect(anomalies.some((d) => d > isoDate(addDays(end, -30)))).toBe(true);
    const start = year.start.getTime();
    for (const date of anomalies) {
      const value = points.find((p) => p.date === date)?.value ?? NaN;
      const trend = 100 + (100 * (new Date(date).getTime() - start)) / (end.getTime() - start);
      expect(Math.abs(value / trend - 1)).toBeGreaterThanOrEqual(0.39);
    }
  });

  it('dips at weekends with a weekly rhythm, and rises when the swing is negative', () => {
    const weekendMean = (points: { date: string; value: number }[], weekend: boolean) => {
      const chosen = points
        .filter((p) => [0, 6].includes(new Date(p.date).getUTCDay()) === weekend)
        .map((p) => p.value);
      return chosen.reduce((a, b) => a + b, 0) / chosen.length;
    };
    const usage = run({ start: 1000, end: 1000, weekly: 0.3 }).points;
    expect(weekendMean(usage, true)).toBeLessThan(weekendMean(usage, false) * 0.8);
    const waiting = run({ start: 10, end: 10, weekly: -0.3 }).points;
    expect(weekendMean(waiting, true)).toBeGreaterThan(weekendMean(waiting, false) * 1.2);
  });

  it('clamps to bounds and rounds to the requested decimals', () => {
    const { points } = run({ start: 99.9, end: 99.99, noise: 0.01, max: 100, decimals: 3 }, 2);
    expect(Math.max(...points.map((p) => p.value))).toBeLessThanOrEqual(100);
    expect(points.every((p) => Math.round(p.value * 1000) === p.value * 1000)).toBe(true);
  });

  it('measures weekly metrics on Mondays and monthly ones on the first', () => {
    const weekly = run({}, 1, 'weekly').points;
    expect(weekly).toHaveLength(52);
    expect(weekly.every((p) => new Date(p.date).getUTCDay() === 1)).toBe(true);
    const monthly = run({}, 1, 'monthly').points;
    expect(monthly).toHaveLength(12);
    expect(monthly.every((p) => p.date.endsWith('-01'))).toBe(true);
    expect(measurementDates('monthly', { start: new Date('2026-01-01'), end: new Date('2026-01-01') })).toHaveLength(1);
  });
});
