import { periodProblem } from './okr-period';

describe('periodProblem', () => {
  it.each([
    ['2026-01-01', '2026-03-31'],
    ['2026-04-01', '2026-06-30'],
    ['2026-07-01', '2026-09-30'],
    ['2026-10-01', '2026-12-31'],
  ])('accepts the calendar quarter %s..%s', (periodStart, periodEnd) => {
    expect(periodProblem({ periodType: 'quarterly', periodStart, periodEnd })).toBeNull();
  });

  it.each([
    ['2026-02-01', '2026-04-30'],
    ['2026-01-02', '2026-03-31'],
    ['2026-01-01', '2026-03-30'],
    ['2026-01-01', '2026-06-30'],
  ])('refuses %s..%s as a quarter', (periodStart, periodEnd) => {
    expect(periodProblem({ periodType: 'quarterly', periodStart, periodEnd })).toMatch(/quarter/);
  });

  it('accepts calendar and fiscal years, refuses other annual spans', () => {
    expect(periodProblem({ periodType: 'annual', periodStart: '2026-01-01', periodEnd: '2026-12-31' })).toBeNull();
    expect(periodProblem({ periodType: 'annual', periodStart: '2026-04-01', periodEnd: '2027-03-31' })).toBeNull();
    expect(periodProblem({ periodType: 'annual', periodStart: '2024-03-01', periodEnd: '2025-02-28' })).toBeNull();
    expect(periodProblem({ periodType: 'annual', periodStart: '2026-01-01', periodEnd: '2027-01-01' })).toMatch(
      /twelve months/,
    );
    expect(periodProblem({ periodType: 'annual', periodStart: '2026-01-15', periodEnd: '2027-01-14' })).toMatch(
      /first of a month/,
    );
  });

  it('accepts any ordered custom period, including a single day', () => {
    expect(periodProblem({ periodType: 'custom', periodStart: '2026-05-05', periodEnd: '2026-05-05' })).toBeNull();
    expect(periodProblem({ periodType: 'custom', periodStart: '2026-05-05', periodEnd: '2027-11-20' })).toBeNull();
  });

  it('refuses an end before the start for every type', () => {
    for (const periodType of ['quarterly', 'annual', 'custom'] as const) {
      expect(periodProblem({ periodType, periodStart: '2026-04-01', periodEnd: '2026-03-31' })).toMatch(/before/);
    }
  });
});
