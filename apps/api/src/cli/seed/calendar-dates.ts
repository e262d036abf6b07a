// UTC calendar arithmetic for the demo data; every Date here is midnight UTC of a calendar day.
const DAY_MS = 86_400_000;

export interface Period {
  start: Date;
  end: Date; // last day, inclusive
}

export function utcDay(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

export function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * DAY_MS);
}

export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY_MS);
}

export function isoDate(day: Date): string {
  return day.toISOString().slice(0, 10);
}

// The calendar quarter holding `day`, shifted by `offset` quarters (-1 is the previous one).
export function quarterOf(day: Date, offset = 0): Period {
  const index = day.getUTCFullYear() * 4 + Math.floor(day.getUTCMonth() / 3) + offset;
  const year = Math.floor(index / 4);
  const month = (index % 4) * 3;
  return { start: new Date(Date.UTC(year, month, 1)), end: new Date(Date.UTC(year, month + 3, 0)) };
}

export function yearOf(day: Date, offset = 0): Period {
  const year = day.getUTCFullYear() + offset;
  return { start: new Date(Date.UTC(year, 0, 1)), end: new Date(Date.UTC(year, 11, 31)) };
}

export function quarterLabel(period: Period): string {
  return `${period.start.getUTCFullYear()} Q${Math.floor(period.start.getUTCMonth() / 3) + 1}`;
}
