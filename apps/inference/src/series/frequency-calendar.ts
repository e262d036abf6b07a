import { dayNumber, isoDate } from './calendar-day';
import { MeasurementFrequency } from './measurement-frequency';

const MONTHS_PER_STEP: Partial<Record<MeasurementFrequency, number>> = { monthly: 1, quarterly: 3, yearly: 12 };

// Maps dates to step numbers at a frequency, counted from an anchor date (the first observation),
// and back: forecast dates keep the anchor's weekday or day of month.
export class FrequencyCalendar {
  private readonly anchorDay: number;
  private readonly anchor: Date;

  constructor(
    readonly frequency: MeasurementFrequency,
    anchorIsoDate: string,
  ) {
    this.anchorDay = Math.floor(dayNumber(anchorIsoDate));
    this.anchor = new Date(this.anchorDay * 86_400_000);
  }

  step(isoDateValue: string): number {
    const day = Math.floor(dayNumber(isoDateValue));
    const months = MONTHS_PER_STEP[this.frequency];
    if (months === undefined) {
      return this.frequency === 'daily' ? day - this.anchorDay : Math.round((day - this.anchorDay) / 7);
    }
    const date = new Date(day * 86_400_000);
    const monthDiff =
      (date.getUTCFullYear() - this.anchor.getUTCFullYear()) * 12 + (date.getUTCMonth() - this.anchor.getUTCMonth());
    return Math.floor(monthDiff / months);
  }

  date(step: number): string {
    const months = MONTHS_PER_STEP[this.frequency];
    if (months === undefined) return isoDate(this.anchorDay + step * (this.frequency === 'daily' ? 1 : 7));
    const year = this.anchor.getUTCFullYear();
    const month = this.anchor.getUTCMonth() + step * months;
    const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    return isoDate(Date.UTC(year, month, Math.min(this.anchor.getUTCDate(), lastDay)) / 86_400_000);
  }
}
