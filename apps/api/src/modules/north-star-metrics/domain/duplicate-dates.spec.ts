import { duplicateDateProblems } from './duplicate-dates';

describe('duplicateDateProblems', () => {
  it('accepts distinct dates', () => {
    expect(duplicateDateProblems([{ date: '2026-01-01' }, { date: '2026-01-02' }])).toEqual([]);
  });

  it('names every repeat by its index and the first occurrence', () => {
    const problems = duplicateDateProblems([
      { date: '2026-01-01' },
      { date: '2026-01-02' },
      { date: '2026-01-01' },
      { date: '2026-01-01' },
    ]);
    expect(problems.map((p) => p.field)).toEqual(['values.2.date', 'values.3.date']);
    expect(problems[0]).toMatchObject({
      reason: 'duplicate',
      message: 'values.2.date repeats 2026-01-01 from values.0',
    });
  });
});
