import { isPastDateTime } from './is-past-date-time.decorator';

describe('isPastDateTime', () => {
  const now = Date.parse('2026-02-01T12:00:00Z');
  const skew = 5 * 60_000;

  it.each(['2026-02-01T12:00:00Z', '2026-01-01T00:00Z', '2026-02-01T13:04:00.000+01:00', '2026-02-01T12:04:59.999Z'])(
    'accepts %s',
    (value) => expect(isPastDateTime(value, skew, now)).toBe(true),
  );

  it.each([
    '2026-02-01T12:05:01Z',
    '2026-02-01',
    '2026-02-01T12:00:00',
    '2026-02-30T00:00:00Z',
    'yesterday',
    1_700_000_000_000,
    null,
  ])('refuses %p', (value) => expect(isPastDateTime(value, skew, now)).toBe(false));
});
