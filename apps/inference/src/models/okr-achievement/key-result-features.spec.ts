import { KEY_RESULT_FEATURES, keyResultFeatures } from './key-result-features';
import { KeyResultHistory } from './key-result-history';

const feature = (row: number[], name: (typeof KEY_RESULT_FEATURES)[number]): number =>
  row[KEY_RESULT_FEATURES.indexOf(name)] as number;

const quarter: Omit<KeyResultHistory, 'checkIns'> = {
  baselineValue: 100,
  targetValue: 200,
  periodStart: '2026-01-01',
  periodEnd: '2026-03-31',
};
const early = [
  { checkedInAt: '2026-01-15T10:00:00Z', value: 110, confidence: 0.6 },
  { checkedInAt: '2026-02-01T10:00:00Z', value: 125, confidence: 0.7 },
];

describe('keyResultFeatures', () => {
  it('ignores check-ins after the as-of date, whatever they say', () => {
    const withoutLater = keyResultFeatures({ ...quarter, checkIns: early }, '2026-02-10');
    const withLater = keyResultFeatures(
      { ...quarter, checkIns: [...early, { checkedInAt: '2026-02-20T09:00:00Z', value: 400, confidence: 0.1 }] },
      '2026-02-10',
    );
    expect(withLater).toEqual(withoutLater);
    expect(feature(withoutLater, 'progress')).toBeCloseTo(0.25, 12);
    expect(feature(withoutLater, 'owner_confidence')).toBe(0.7);
  });

  it('counts a check-in made on the as-of day when the as-of is a bare date', () => {
    const row = keyResultFeatures({ ...quarter, checkIns: early }, '2026-02-01');
    expect(feature(row, 'check_ins')).toBeCloseTo(Math.log1p(2), 12);
    const before = keyResultFeatures({ ...quarter, checkIns: early }, '2026-01-31T23:59:59Z');
    expect(feature(before, 'check_ins')).toBeCloseTo(Math.log1p(1), 12);
  });

  it('measures progress towards a decrease target as the value falls', () => {
    const decrease = { ...quarter, baselineValue: 50, targetValue: 10 };
    const falling = keyResultFeatures(
      { ...decrease, checkIns: [{ checkedInAt: '2026-02-14T12:00:00Z', value: 30, confidence: 0.5 }] },
      '2026-02-15',
    );
    const rising = keyResultFeatures(
      { ...decrease, checkIns: [{ checkedInAt: '2026-02-14T12:00:00Z', value: 60, confidence: 0.5 }] },
      '2026-02-15',
    );
    expect(feature(falling, 'progress')).toBeCloseTo(0.5, 12);
    expect(feature(rising, 'progress')).toBeLessThan(0);
    expect(feature(falling, 'recent_velocity')).toBeGreaterThan(0);
  });

  it('has no ambition without a linked metric and measures it against the metric history otherwise', () => {
    const none = keyResultFeatures({ ...quarter, checkIns: [] }, '2026-01-10');
    expect(feature(none, 'has_linked_metric')).toBe(0);
    const values = Array.from({ length: 200 }, (_, i) => ({
      measuredOn: new Date(Date.UTC(2025, 5, 1 + i)).toISOString().slice(0, 10),
      value: 100 + (i % 2),
    }));
    const calm = keyResultFeatures(
      { ...quarter, checkIns: [], linkedMetric: { frequency: 'daily', values } },
      '2026-01-10',
    );
    const lively = keyResultFeatures(
      {
        ...quarter,
        checkIns: [],
        linkedMetric: { frequency: 'daily', values: values.map((v, i) => ({ ...v, value: 100 + i })) },
      },
      '2026-01-10',
    );
    expect(feature(calm, 'has_linked_metric')).toBe(1);
    expect(feature(calm, 'ambition')).toBeGreaterThan(feature(lively, 'ambition'));
  });

  it('stays finite on degenerate input', () => {
    const row = keyResultFeatures(
      {
        baselineValue: 5,
        targetValue: 5,
        periodStart: '2026-03-01',
        periodEnd: '2026-03-01',
        checkIns: [{ checkedInAt: 'not a date', value: Number.NaN, confidence: null }],
      },
      '2027-01-01',
    );
    expect(row.every(Number.isFinite)).toBe(true);
  });
});
