import { figureLabel, formatBytes, formatDuration, formatFigure } from './figure-format';

describe('figure formatting', () => {
  it('drops the unit from the label but keeps %', () => {
    expect(figureLabel('used_memory_bytes')).toBe('used memory');
    expect(figureLabel('cache_hit_percent')).toBe('cache hit %');
    expect(figureLabel('longest_active_query_duration_ms')).toBe('longest active query duration');
    expect(figureLabel('xact_commit')).toBe('xact commit');
  });

  it('shows the unit with the value', () => {
    expect(formatFigure('hit_percent', 93.5)).toBe('93.5 %');
    expect(formatFigure('total_bytes', 1_572_864)).toBe('1.5 MiB');
    expect(formatFigure('mean_ms', 1234.567)).toBe('1,234.57 ms');
    expect(formatFigure('duration_us', 15000)).toBe('15,000 µs');
    expect(formatFigure('uptime_seconds', 90_061)).toBe('1d 1h');
    expect(formatFigure('xact_commit', 1_234_567)).toBe('1,234,567');
  });

  it('shows missing values, flags and text plainly', () => {
    expect(formatFigure('memory_percent', null)).toBe('n/a');
    expect(formatFigure('slow', true)).toBe('yes');
    expect(formatFigure('redis_version', '7.0.15')).toBe('7.0.15');
  });

  it('scales bytes and durations', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KiB');
    expect(formatDuration(42)).toBe('42s');
    expect(formatDuration(3_725)).toBe('1h 2m');
    expect(formatDuration(125)).toBe('2m 5s');
  });
});
