import { keyResultProgress } from './key-result-progress';

describe('keyResultProgress', () => {
  it.each([
    [0, 100, 0, 0],
    [0, 100, 25, 0.25],
    [0, 100, 100, 1],
    [0, 100, 150, 1],
    [0, 100, -10, 0],
    [50, 150, 100, 0.5],
  ])('increasing: baseline %p target %p current %p -> %p', (baselineValue, targetValue, currentValue, expected) => {
    expect(keyResultProgress({ baselineValue, targetValue, currentValue })).toBeCloseTo(expected, 12);
  });

  it.each([
    [10, 2, 10, 0],
    [10, 2, 6, 0.5],
    [10, 2, 2, 1],
    [10, 2, 0, 1],
    [10, 2, 12, 0],
  ])('decreasing: baseline %p target %p current %p -> %p', (baselineValue, targetValue, currentValue, expected) => {
    expect(keyResultProgress({ baselineValue, targetValue, currentValue })).toBeCloseTo(expected, 12);
  });

  it('is 0 for a degenerate key result whose target equals its baseline', () => {
    expect(keyResultProgress({ baselineValue: 5, targetValue: 5, currentValue: 9 })).toBe(0);
  });
});
