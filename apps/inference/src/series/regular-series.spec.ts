import { FrequencyCalendar } from './frequency-calendar';
import { interpolateGaps, toRegularSeries } from './regular-series';

describe('toRegularSeries', () => {
  it('lays monthly values on their steps, leaves gaps empty and keeps the later of two values in a step', () => {
    const series = toRegularSeries({
      frequency: 'monthly',
      values: [
        { measuredOn: '2026-01-31', value: 1 },
        { measuredOn: '2026-04-30', value: 4 },
        { measuredOn: '2026-02-28', value: 2 },
        { measuredOn: '2026-04-01', value: 3 },
        { measuredOn: '2026-05-31', value: Number.NaN },
      ],
    });
    expect(series?.values).toEqual([1, 2, null, 4]);
    expect(series?.calendar.date(4)).toBe('2026-05-31');
    expect(series?.calendar.date(1)).toBe('2026-02-28');
  });

  it('drops values after the cut-off date', () => {
    const series = toRegularSeries(
      { frequency: 'daily', values: [1, 2, 3].map((v, i) => ({ measuredOn: `2026-03-0${i + 1}`, value: v })) },
      '2026-03-02',
    );
    expect(series?.values).toEqual([1, 2]);
  });

  it('is null without any usable value', () => {
    expect(toRegularSeries({ frequency: 'weekly', values: [] })).toBeNull();
  });
});

describe('FrequencyCalendar', () => {
  it('rounds weekly dates to the nearest week and maps steps back to the anchor weekday', () => {
    const calendar = new FrequencyCalendar('weekly', '2026-01-05');
    expect(calendar.step('2026-01-13')).toBe(1);
    expect(calendar.date(2)).toBe('2026-01-19');
  });
});

describe('interpolateGaps', () => {
  it('fills interior gaps on the straight line between neighbours', () => {
    expect(interpolateGaps([0, null, null, 3, 5])).toEqual([0, 1, 2, 3, 5]);
  });
});
