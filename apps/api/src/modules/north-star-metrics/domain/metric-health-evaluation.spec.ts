import { ScoredMetric, evaluateMetricHealth, healthInputsFingerprint, storedHealth } from './metric-health-evaluation';

const AS_OF = new Date('2026-07-01T12:00:00Z');
const metric: ScoredMetric = {
  direction: 'increase',
  baselineValue: 0,
  targetValue: 100,
  frequency: 'daily',
  isPrimary: false,
  objectiveId: 'objective-1',
};

describe('evaluateMetricHealth', () => {
  it('scores the latest value and reports how many values the metric holds', () => {
    const evaluation = evaluateMetricHealth(
      metric,
      { points: [{ date: '2026-06-30', value: 50 }], total: 412, objectivePriority: 7 },
      AS_OF,
    );
    expect(evaluation).toMatchObject({ currentValue: 50, dataPoints: 412, importance: 0.7, asOf: AS_OF });
    expect(evaluation.health?.components.achievement).toBe(0.5);
    expect(storedHealth(evaluation)).toEqual({
      currentValue: 50,
      healthScore: evaluation.health?.score,
      healthBand: evaluation.health?.band,
    });
  });

  it('has no score, but an importance, before the first value', () => {
    const evaluation = evaluateMetricHealth(
      { ...metric, isPrimary: true },
      { points: [], total: 0, objectivePriority: null },
      AS_OF,
    );
    expect(evaluation).toMatchObject({ health: null, currentValue: null, importance: 1, dataPoints: 0 });
    expect(storedHealth(evaluation)).toEqual({ currentValue: null, healthScore: null, healthBand: null });
  });
});

describe('healthInputsFingerprint', () => {
  it('changes with every field the score reads, and only with those', () => {
    const base = healthInputsFingerprint(metric);
    expect(healthInputsFingerprint({ ...metric })).toBe(base);
    const changes: Array<Partial<ScoredMetric>> = [
      { direction: 'decrease' },
      { baselineValue: 1 },
      { targetValue: 99 },
      { frequency: 'weekly' },
      { isPrimary: true },
      { objectiveId: null },
    ];
    for (const change of changes) expect(healthInputsFingerprint({ ...metric, ...change })).not.toBe(base);
    const renamed = { ...metric, name: 'Renamed' } as ScoredMetric;
    expect(healthInputsFingerprint(renamed)).toBe(base);
  });
});
