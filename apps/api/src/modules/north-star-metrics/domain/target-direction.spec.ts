import { targetFitsDirection } from './target-direction';

describe('targetFitsDirection', () => {
  it.each([
    ['increase', 10, 20, true],
    ['increase', 10, 10, false],
    ['increase', 10, 5, false],
    ['decrease', 10, 5, true],
    ['decrease', 10, 10, false],
    ['decrease', 10, 20, false],
    ['maintain', 10, 10, true],
    ['maintain', 10, 20, true],
  ] as const)('%s from %p to %p: %p', (direction, baseline, target, expected) => {
    expect(targetFitsDirection(direction, baseline, target)).toBe(expected);
  });
});
