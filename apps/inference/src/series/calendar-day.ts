const MS_PER_DAY = 86_400_000;

// Days since 1970-01-01 (UTC) of an ISO date or date-time; NaN when it does not parse.
export function dayNumber(isoDate: string): number {
  const ms = Date.parse(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate);
  return ms / MS_PER_DAY;
}

export function isoDate(day: number): string {
  return new Date(Math.round(day) * MS_PER_DAY).toISOString().slice(0, 10);
}
