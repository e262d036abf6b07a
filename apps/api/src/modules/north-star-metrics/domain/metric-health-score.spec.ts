import {
  HEALTH_WEIGHTS,
  MetricHealthInput,
  MetricPoint,
  computeMetricHealth,
  healthBand,
  healthWindowSize,
} from './metric-health-score';

const AS_OF = new Date('2026-07-01T12:00:00Z');
const DAY_MS = 86_400_000;

function isoDaysBefore(asOf: Date, days: number): string {
  return new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth(), asOf.getUTCDate()) - days * DAY_MS)
    .toISOString()
    .slice(0, 10);
}

// `values` end one `stepDays` before AS_OF, oldest first.
function series(values: number[], stepDays = 1): MetricPoint[] {
  return values.map((value, i) => ({ date: isoDaysBefore(AS_OF, (values.length - i) * stepDays), value }));
}

function line(n: number, from: number, to: number): number[] {
  return Array.from({ length: n }, (_, i) => from + ((to - from) * i) / Math.max(n - 1, 1));
}

function input(overrides: Partial<MetricHealthInput>): MetricHealthInput {
  return {
    direction: 'increase',
    baselineValue: 0,
    targetValue: 100,
    frequency: 'daily',
    isPrimary: false,
    objectivePriority: null,
    points: series([50]),
    asOf: AS_OF,
    ...overrides,
  };
}

function health(overrides: Partial<MetricHealthInput>) {
  const result = computeMetricHealth(input(overrides));
  if (!result) throw new Error('expected a health score');
  return result;
}

describe('metric health score', () => {
  it('has no score without values', () => {
    expect(computeMetricHealth(input({ points: [] }))).toBeNull();
  });

  it('weights the parts 0.35/0.25/0.15/0.15/0.10', () => {
    expect(Object.values(HEALTH_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const h = health({ points: series(line(90, 10, 60)), objectivePriority: 3 });
    const { achievement, trend, completeness, stability, importance } = h.components;
    expect(h.score).toBeCloseTo(
      0.35 * achievement + 0.25 * trend + 0.15 * completeness + 0.15 * stability + 0.1 * importance,
      3,
    );
  });

  it('scores a complete, on-target, steadily improving primary metric as excellent (1)', () => {
    const h = health({ points: series(line(90, 0, 100)), isPrimary: true });
    expect(h.components).toEqual({ achievement: 1, trend: 1, completeness: 1, stability: 1, importance: 1 });
    expect(h).toMatchObject({ score: 1, band: 'excellent' });
  });

  it.each([
    [1, 'excellent'],
    [0.8, 'excellent'],
    [0.7999, 'good'],
    [0.6, 'good'],
    [0.5999, 'fair'],
    [0.4, 'fair'],
    [0.3999, 'poor'],
    [0, 'poor'],
  ] as const)('bands %p as %s', (score, band) => expect(healthBand(score)).toBe(band));

  describe('achievement', () => {
    it.each([
      [50, 0.5],
      [0, 0],
      [-20, 0],
      [100, 1],
      [130, 1],
    ])('increase 0→100 at %p is %p', (current, expected) => {
      expect(health({ points: series([current]) }).components.achievement).toBeCloseTo(expected, 4);
    });

    it.each([
      [75, 0.5],
      [100, 0],
      [120, 0],
      [50, 1],
      [40, 1],
    ])('decrease 100→50 at %p is %p', (current, expected) => {
      const h = health({ direction: 'decrease', baselineValue: 100, targetValue: 50, points: series([current]) });
      expect(h.components.achievement).toBeCloseTo(expected, 4);
    });

    it.each([
      [100, 1],
      [105, 0.5],
      [95, 0.5],
      [110, 0],
      [80, 0],
    ])('maintain at 100 (tolerance 10) at %p is %p', (current, expected) => {
      const h = health({ direction: 'maintain', baselineValue: 100, targetValue: 100, points: series([current]) });
      expect(h.components.achievement).toBeCloseTo(expected, 4);
    });

    it('maintain at zero only forgives nothing when baseline is zero too', () => {
      expect(
        health({ direction: 'maintain', baselineValue: 0, targetValue: 0, points: series([0]) }).components.achievement,
      ).toBe(1);
      expect(
        health({ direction: 'maintain', baselineValue: 0, targetValue: 0, points: series([0.5]) }).components
          .achievement,
      ).toBe(0);
      expect(
        health({ direction: 'maintain', baselineValue: 20, targetValue: 0, points: series([1]) }).components
          .achievement,
      ).toBeCloseTo(0.5, 4);
    });

    it('treats a target equal to the baseline as reached or not', () => {
      expect(health({ baselineValue: 10, targetValue: 10, points: series([10]) }).components.achievement).toBe(1);
      expect(health({ baselineValue: 10, targetValue: 10, points: series([9]) }).components.achievement).toBe(0);
      expect(
        health({ direction: 'decrease', baselineValue: 10, targetValue: 10, points: series([9]) }).components
          .achievement,
      ).toBe(1);
    });
  });

  describe('trend', () => {
    it('is neutral with one point and when flat', () => {
      expect(health({ points: series([40]) }).components.trend).toBe(0.5);
      expect(health({ points: series([40, 40, 40, 40]) }).components.trend).toBe(0.5);
      expect(
        health({ direction: 'decrease', baselineValue: 100, targetValue: 0, points: series([40, 40, 40]) }).components
          .trend,
      ).toBe(0.5);
    });

    it('reaches 1 at the pace that closes the gap in a year and 0 at that pace backwards', () => {
      const pace = 100 / 365;
      expect(health({ points: series(line(30, 0, 29 * pace)) }).components.trend).toBeCloseTo(1, 4);
      expect(health({ points: series(line(30, 29 * pace, 0)) }).components.trend).toBeCloseTo(0, 4);
      expect(health({ points: series(line(30, 0, 29 * pace * 0.5)) }).components.trend).toBeCloseTo(0.75, 4);
      expect(health({ points: series(line(30, 29 * pace * 0.5, 0)) }).components.trend).toBeCloseTo(0.25, 4);
    });

    it('rewards falling values when the direction is decrease', () => {
      const falling = series(line(30, 80, 70));
      expect(
        health({ direction: 'decrease', baselineValue: 100, targetValue: 0, points: falling }).components.trend,
      ).toBeGreaterThan(0.9);
      expect(
        health({ direction: 'increase', baselineValue: 0, targetValue: 100, points: falling }).components.trend,
      ).toBeLessThan(0.1);
    });

    it('prefers flat when the direction is maintain', () => {
      const maintain = { direction: 'maintain', baselineValue: 100, targetValue: 100 } as const;
      expect(health({ ...maintain, points: series([100, 100, 100]) }).components.trend).toBe(1);
      expect(health({ ...maintain, points: series(line(30, 100, 105)) }).components.trend).toBeCloseTo(0.5, 4);
      expect(health({ ...maintain, points: series(line(30, 100, 95)) }).components.trend).toBeCloseTo(0.5, 4);
      expect(health({ ...maintain, points: series(line(30, 100, 130)) }).components.trend).toBe(0);
    });

    it('looks only at the last 30 points', () => {
      const points = series([...line(60, 100, 0), ...line(30, 0, 50)]);
      expect(health({ points }).components.trend).toBe(1);
    });

    it('uses the calendar distance between points, not their count', () => {
      const pace = 100 / 365;
      expect(
        health({ frequency: 'weekly', points: series(line(10, 0, 9 * 7 * pace), 7) }).components.trend,
      ).toBeCloseTo(1, 4);
    });
  });

  describe('completeness', () => {
    it('is 1 when every period up to the last one has a value', () => {
      expect(health({ points: series(line(120, 1, 2)) }).components.completeness).toBe(1);
      expect(health({ frequency: 'weekly', points: series(line(40, 1, 2), 7) }).components.completeness).toBe(1);
      expect(health({ frequency: 'monthly', points: series(line(13, 1, 2), 30) }).components.completeness).toBe(1);
      expect(health({ frequency: 'yearly', points: series([1, 2], 365) }).components.completeness).toBe(1);
    });

    it('counts from the first value for a young metric', () => {
      expect(health({ points: series([5]) }).components.completeness).toBe(1);
      expect(health({ points: series([5, 6, 7]) }).components.completeness).toBe(1);
    });

    it('halves when every other value is missing', () => {
      expect(health({ points: series(line(45, 1, 2), 2) }).components.completeness).toBeCloseTo(0.5, 1);
    });

    it('decays when the metric stops reporting', () => {
      const stale = (daysAgo: number) =>
        Array.from({ length: 90 }, (_, i) => ({ date: isoDaysBefore(AS_OF, daysAgo + 89 - i), value: 1 }));
      expect(health({ points: stale(1) }).components.completeness).toBe(1);
      expect(health({ points: stale(46) }).components.completeness).toBeCloseTo(0.5, 1);
      expect(health({ points: stale(200) }).components.completeness).toBe(0);
    });

    it('tolerates values dated after asOf', () => {
      const future = [0, 1, 2].map((i) => ({ date: isoDaysBefore(AS_OF, -i), value: 1 }));
      expect(health({ points: future }).components.completeness).toBe(1);
    });
  });

  describe('stability', () => {
    it('is neutral with fewer than three points', () => {
      expect(health({ points: series([1, 50]) }).components.stability).toBe(0.5);
    });

    it('is 1 for a steady line, growing or flat', () => {
      expect(health({ points: series(line(30, 10, 90)) }).components.stability).toBe(1);
      expect(health({ points: series([7, 7, 7, 7]) }).components.stability).toBe(1);
    });

    it('falls as the values get noisier', () => {
      const noisy = (amplitude: number) =>
        series(Array.from({ length: 30 }, (_, i) => 50 + (i % 2 === 0 ? amplitude : -amplitude)));
      const calm = health({ points: noisy(1) }).components.stability;
      const rough = health({ points: noisy(20) }).components.stability;
      expect(calm).toBeGreaterThan(0.95);
      expect(rough).toBeLessThan(calm);
      expect(rough).toBeGreaterThan(0.5);
      expect(health({ points: noisy(500) }).components.stability).toBeLessThan(0.2);
    });

    it('judges a series near zero against the baseline and target', () => {
      const nearZero = series(Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? 1 : -1)));
      expect(
        health({ direction: 'decrease', baselineValue: 100, targetValue: 0, points: nearZero }).components.stability,
      ).toBeGreaterThan(0.95);
      expect(
        health({ direction: 'maintain', baselineValue: 0, targetValue: 0, points: nearZero }).components.stability,
      ).toBeLessThan(0.01);
    });
  });

  describe('importance', () => {
    it('is 1 for the primary metric, priority / 10 from the objective, else 0.5', () => {
      expect(health({ isPrimary: true, objectivePriority: 2 }).components.importance).toBe(1);
      expect(health({ objectivePriority: 7 }).components.importance).toBe(0.7);
      expect(health({ objectivePriority: 10 }).components.importance).toBe(1);
      expect(health({}).components.importance).toBe(0.5);
    });
  });

  it('keeps every part and the score in [0,1] for extreme and hostile values', () => {
    const cases: Array<Partial<MetricHealthInput>> = [
      { points: series([1e308, -1e308, 1e308]), baselineValue: -1e308, targetValue: 1e308 },
      { direction: 'maintain', targetValue: 1e-300, baselineValue: 0, points: series([1e300, -1e300, 0]) },
      { direction: 'decrease', baselineValue: 5, targetValue: -5, points: series(line(30, -1e6, 1e6)) },
      { frequency: 'quarterly', points: series(line(3, 1, 1e9), 400) },
    ];
    let seed = 42;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
    for (let i = 0; i < 200; i += 1) {
      cases.push({
        direction: (['increase', 'decrease', 'maintain'] as const)[i % 3],
        frequency: (['daily', 'weekly', 'monthly', 'quarterly', 'yearly'] as const)[i % 5],
        baselineValue: random() * 1000,
        targetValue: random() * 1000,
        objectivePriority: i % 4 === 0 ? null : (i % 10) + 1,
        points: series(
          Array.from({ length: 1 + (i % 40) }, () => random() * 1000),
          1 + (i % 9),
        ),
      });
    }
    for (const overrides of cases) {
      const h = health(overrides);
      for (const value of [h.score, ...Object.values(h.components)]) {
        expect(Number.isFinite(value)).toBe(true);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }
      expect(h.band).toBe(healthBand(h.score));
    }
  });

  it('needs only the last healthWindowSize points to give the full answer', () => {
    expect(healthWindowSize('daily')).toBe(91);
    expect(healthWindowSize('weekly')).toBe(183);
    expect(healthWindowSize('yearly')).toBe(1828);
    const all = series(
      Array.from({ length: 400 }, (_, i) => 10 + Math.sin(i / 7) * 3 + i / 50),
      1,
    );
    const full = health({ points: all });
    expect(health({ points: all.slice(-healthWindowSize('daily')) })).toEqual(full);
  });
});
