import { planDemoOkrs, PlannedOkr } from './okr-plan';
import { formatQuantity, periodTargets } from './key-result-history';

describe('planDemoOkrs', () => {
  const today = new Date('2026-02-14T00:00:00Z');
  const plans = planDemoOkrs(today);
  const byFate = (fate: PlannedOkr['fate']) => plans.filter((p) => p.fate === fate);
  const progressOf = (okr: PlannedOkr) =>
    okr.keyResults.reduce((sum, kr) => {
      const last = kr.checkIns[kr.checkIns.length - 1]?.value ?? kr.baselineValue;
      const p = Math.min(1, Math.max(0, (last - kr.baselineValue) / (kr.targetValue - kr.baselineValue)));
      return sum + p * kr.weight;
    }, 0) / okr.keyResults.reduce((sum, kr) => sum + kr.weight, 0);

  it('plans the same OKRs for the same day', () => {
    expect(planDemoOkrs(new Date('2026-02-14T00:00:00Z'))).toEqual(plans);
  });

  it('covers four closed quarters, the current one, drafts for the next and two years of company OKRs', () => {
    expect(plans).toHaveLength(69);
    expect(new Set(plans.map((p) => p.key)).size).toBe(plans.length);
    expect(byFate('draft')).toHaveLength(4);
    expect(byFate('cancelled')).toHaveLength(5);
    expect(byFate('scored')).toHaveLength(46);
    expect(byFate('active')).toHaveLength(14);
    expect(new Set(plans.filter((p) => p.periodType === 'quarterly').map((p) => p.periodStart))).toEqual(
      new Set(['2025-01-01', '2025-04-01', '2025-07-01', '2025-10-01', '2026-01-01', '2026-04-01']),
    );
    expect(plans.filter((p) => p.periodType === 'annual').map((p) => `${p.periodStart}..${p.periodEnd}`)).toEqual([
      '2025-01-01..2025-12-31',
      '2025-01-01..2025-12-31',
      '2026-01-01..2026-12-31',
      '2026-01-01..2026-12-31',
      '2026-01-01..2026-12-31',
    ]);
    expect(
      byFate('draft').every(
        (p) => p.periodStart === '2026-04-01' && p.keyResults.every((kr) => kr.checkIns.length === 0),
      ),
    ).toBe(true);
  });

  it('aligns quarterly periods to calendar quarters', () => {
    for (const p of plans.filter((o) => o.periodType === 'quarterly')) {
      const start = new Date(p.periodStart);
      expect(start.getUTCDate()).toBe(1);
      expect(start.getUTCMonth() % 3).toBe(0);
      const end = new Date(p.periodEnd);
      expect(new Date(end.getTime() + 86_400_000).getUTCMonth()).toBe((start.getUTCMonth() + 3) % 12);
    }
  });

  it('gives every OKR 2-4 key results whose weights add to 100 and whose target differs from baseline', () => {
    for (const p of plans) {
      expect(p.keyResults.length).toBeGreaterThanOrEqual(2);
      expect(p.keyResults.length).toBeLessThanOrEqual(4);
      expect(p.keyResults.reduce((s, kr) => s + kr.weight, 0)).toBe(100);
      for (const kr of p.keyResults) expect(kr.targetValue).not.toBe(kr.baselineValue);
    }
  });

  it('back-dates check-ins inside the period, in order, never today or later, with confidence in [0, 1]', () => {
    for (const p of plans) {
      for (const kr of p.keyResults) {
        const times = kr.checkIns.map((c) => c.checkedInAt);
        expect([...times].sort()).toEqual(times);
        for (const c of kr.checkIns) {
          expect(c.checkedInAt < '2026-02-14').toBe(true);
          expect(c.checkedInAt.slice(0, 10) >= p.periodStart && c.checkedInAt.slice(0, 10) <= p.periodEnd).toBe(true);
          expect(c.confidence).toBeGreaterThanOrEqual(0);
          expect(c.confidence).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('closes scored OKRs with a review on their last day and a realistic spread of outcomes', () => {
    const scored = byFate('scored');
    for (const p of scored)
      for (const kr of p.keyResults)
        expect(kr.checkIns[kr.checkIns.length - 1]?.checkedInAt.slice(0, 10)).toBe(p.periodEnd);
    const completed = scored.filter((p) => progressOf(p) >= 0.7).length;
    expect(completed).toBeGreaterThan(scored.length * 0.4);
    expect(completed).toBeLessThan(scored.length * 0.9);
    expect(
      byFate('active')
        .filter((p) => p.periodType === 'quarterly')
        .every((p) => p.keyResults.every((kr) => kr.checkIns.length > 0)),
    ).toBe(true);
  });

  it("hangs team OKRs under the same year's company OKR of the same goal", () => {
    const children = plans.filter((p) => p.parent);
    expect(children.length).toBeGreaterThan(5);
    for (const child of children) {
      const parent = plans.find((p) => p.key === child.parent);
      expect(parent?.periodType).toBe('annual');
      expect(parent?.goal).toBe(child.goal);
      expect(plans.indexOf(parent as PlannedOkr)).toBeLessThan(plans.indexOf(child));
    }
  });

  it('still plans on the first day of a year, when the current quarter has no history yet', () => {
    const fresh = planDemoOkrs(new Date('2027-01-01T00:00:00Z'));
    expect(fresh).toHaveLength(69);
    expect(
      fresh
        .filter((p) => p.periodStart === '2027-01-01')
        .every((p) => p.keyResults.every((kr) => kr.checkIns.length === 0)),
    ).toBe(true);
  });
});

describe('key result numbers', () => {
  it('compounds drift away from the current period and formats quantities', () => {
    const template = {
      statement: '',
      type: 'metric' as const,
      unit: 'USD',
      baseline: 0,
      target: 900_000,
      drift: 0.1,
      weight: 50,
      owner: 'a@demo',
    };
    expect(periodTargets(template, 0)).toEqual({ baseline: 0, target: 900_000 });
    expect(periodTargets(template, -2)).toEqual({ baseline: 0, target: 744_000 });
    expect(formatQuantity(26_000_000, 'USD')).toBe('$26M');
    expect(formatQuantity(744_000, 'USD')).toBe('$744k');
    expect(formatQuantity(14.5, '%')).toBe('14.5%');
    expect(formatQuantity(13_000, 'users')).toBe('13,000 users');
  });
});
