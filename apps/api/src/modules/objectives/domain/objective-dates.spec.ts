import { DomainError } from '@qbm/http';
import { assertDatesInOrder, completionDay } from './objective-dates';

describe('objective dates', () => {
  it('accepts open dates and a target on or after the start', () => {
    expect(() => assertDatesInOrder({ startDate: null, targetDate: '2026-01-01' })).not.toThrow();
    expect(() => assertDatesInOrder({ startDate: '2026-01-01', targetDate: null })).not.toThrow();
    expect(() => assertDatesInOrder({ startDate: '2026-01-01', targetDate: '2026-01-01' })).not.toThrow();
  });

  it('refuses a target before the start', () => {
    let caught: unknown;
    try {
      assertDatesInOrder({ startDate: '2026-02-01', targetDate: '2026-01-31' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).code).toBe('OBJECTIVE.DATES_OUT_OF_ORDER');
  });

  it('dates a completion by the UTC day', () => {
    expect(completionDay(new Date('2026-03-31T23:30:00-02:00'))).toBe('2026-04-01');
  });
});
