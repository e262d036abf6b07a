import { okrScore, progressAt, targetDirection, targetReached } from './key-result-outcome';

describe('key result outcome', () => {
  const increase = { baselineValue: 10, targetValue: 20 };
  const decrease = { baselineValue: 20, targetValue: 5 };

  it('reads the direction from the side of the target', () => {
    expect(targetDirection(increase)).toBe('increase');
    expect(targetDirection(decrease)).toBe('decrease');
  });

  it('reaches an increase target by going up and a decrease target by going down', () => {
    expect(targetReached(increase, 20)).toBe(true);
    expect(targetReached(increase, 19.9)).toBe(false);
    expect(targetReached(decrease, 5)).toBe(true);
    expect(targetReached(decrease, 4)).toBe(true);
    expect(targetReached(decrease, 6)).toBe(false);
    expect(targetReached(decrease, 25)).toBe(false);
  });

  it('measures progress towards the target, negative when moving away', () => {
    expect(progressAt(decrease, 12.5)).toBeCloseTo(0.5, 12);
    expect(progressAt(decrease, 23)).toBeLessThan(0);
    expect(progressAt(increase, 25)).toBeGreaterThan(1);
  });

  it('scores an OKR as the weighted mean of clamped progress', () => {
    const score = okrScore([
      { weight: 3, progress: 1.4 },
      { weight: 1, progress: -0.2 },
    ]);
    expect(score).toBeCloseTo((3 * 1 + 1 * 0) / 4, 12);
  });
});
