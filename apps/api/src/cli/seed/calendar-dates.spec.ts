import { addDays, daysBetween, isoDate, quarterLabel, quarterOf, utcDay, yearOf } from './calendar-dates';

describe('calendar dates', () => {
  const day = new Date('2026-02-14T00:00:00Z');

  it('aligns quarters to the calendar, across year boundaries', () => {
    expect(quarterOf(day)).toEqual({ start: new Date('2026-01-01'), end: new Date('2026-03-31') });
    expect(quarterOf(day, -1)).toEqual({ start: new Date('2025-10-01'), end: new Date('2025-12-31') });
    expect(quarterOf(day, -4)).toEqual({ start: new Date('2025-01-01'), end: new Date('2025-03-31') });
    expect(quarterOf(day, 1)).toEqual({ start: new Date('2026-04-01'), end: new Date('2026-06-30') });
    expect(quarterLabel(quarterOf(day, -2))).toBe('2025 Q3');
  });

  it('gives calendar years and day arithmetic in UTC', () => {
    expect(yearOf(day, -1)).toEqual({ start: new Date('2025-01-01'), end: new Date('2025-12-31') });
    expect(isoDate(addDays(day, 20))).toBe('2026-03-06');
    expect(daysBetween(new Date('2025-12-31'), new Date('2026-03-01'))).toBe(60);
    expect(isoDate(utcDay(new Date('2026-02-14T23:59:59Z')))).toBe('2026-02-14');
  });
});
