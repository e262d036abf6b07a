import { booleanFromString } from './boolean-from-string';

describe('booleanFromString', () => {
  it.each([
    ['true', true],
    ['1', true],
    ['false', false],
    ['0', false],
  ])('reads %s as %p', (raw, expected) => expect(booleanFromString.parse(raw)).toBe(expected));

  it.each(['yes', 'TRUE', 'off', ''])('refuses %p rather than guessing', (raw) =>
    expect(booleanFromString.safeParse(raw).success).toBe(false),
  );
});
