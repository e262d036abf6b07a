import { OkrPeriodType } from '../entities/okr.entity';
import { OkrErrors } from '../okrs.errors';

export interface OkrPeriod {
  periodType: OkrPeriodType;
  periodStart: string;
  periodEnd: string;
}

function utc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

// The day before the same day `months` later: 2026-01-01 + 3 months -> 2026-03-31.
function lastDayAfterMonths(start: Date, months: number): string {
  return isoDay(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, start.getUTCDate() - 1)));
}

// Returns why the period is invalid, or null. Dates are YYYY-MM-DD (validated upstream).
// quarterly: exactly one calendar quarter (Jan/Apr/Jul/Oct 1 to the quarter's last day), so the code's quarter is unambiguous.
// annual: twelve months from the first of any month (fiscal years allowed), e.g. 2026-04-01..2027-03-31.
// custom: any period whose end is not before its start.
export function periodProblem({ periodType, periodStart, periodEnd }: OkrPeriod): string | null {
  if (periodEnd < periodStart) return 'periodEnd must not be before periodStart';
  const start = utc(periodStart);
  switch (periodType) {
    case 'quarterly':
      if (start.getUTCDate() !== 1 || start.getUTCMonth() % 3 !== 0 || periodEnd !== lastDayAfterMonths(start, 3)) {
        return 'a quarterly period must be exactly one calendar quarter';
      }
      return null;
    case 'annual':
      if (start.getUTCDate() !== 1 || periodEnd !== lastDayAfterMonths(start, 12)) {
        return 'an annual period must start on the first of a month and last twelve months';
      }
      return null;
    case 'custom':
      return null;
  }
}

export function assertOkrPeriod(period: OkrPeriod): void {
  const problem = periodProblem(period);
  if (problem) throw OkrErrors.periodInvalid(problem, period);
}
