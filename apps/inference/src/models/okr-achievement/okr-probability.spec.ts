import { expectedOkrScore, okrAchievementProbability } from './okr-probability';

describe('okrAchievementProbability', () => {
  it('sums the reach/miss combinations whose weighted score reaches 0.7', () => {
    const p1 = 0.8;
    const p2 = 0.5;
    // Scores: both reach 1; only the first 0.75; only the second 0.5; neither 0.25.
    const probability = okrAchievementProbability([
      { weight: 1, probability: p1, partialProgress: 0 },
      { weight: 1, probability: p2, partialProgress: 0.5 },
    ]);
    expect(probability).toBeCloseTo(p1 * p2 + p1 * (1 - p2), 12);
  });

  it('weighs key results by weight', () => {
    const heavyLikely = okrAchievementProbability([
      { weight: 9, probability: 0.9, partialProgress: 0 },
      { weight: 1, probability: 0.1, partialProgress: 0 },
    ]);
    const lightLikely = okrAchievementProbability([
      { weight: 1, probability: 0.9, partialProgress: 0 },
      { weight: 9, probability: 0.1, partialProgress: 0 },
    ]);
    expect(heavyLikely).toBeGreaterThan(lightLikely);
  });

  it('samples beyond 16 key results and agrees with the binomial tail', () => {
    const n = 20;
    const p = 0.6;
    const items = Array.from({ length: n }, () => ({ weight: 1, probability: p, partialProgress: 0 }));
    const choose = (k: number): number => {
      let c = 1;
      for (let i = 0; i < k; i += 1) c = (c * (n - i)) / (i + 1);
      return c;
    };
    let exact = 0;
    for (let k = Math.ceil(0.7 * n); k <= n; k += 1) exact += choose(k) * p ** k * (1 - p) ** (n - k);
    expect(Math.abs(okrAchievementProbability(items) - exact)).toBeLessThan(0.02);
  });

  it('is 0 without key results or weights and stays in [0, 1]', () => {
    expect(okrAchievementProbability([])).toBe(0);
    expect(okrAchievementProbability([{ weight: 0, probability: 1, partialProgress: 1 }])).toBe(0);
    const odd = okrAchievementProbability([{ weight: 1, probability: 1.5, partialProgress: -3 }]);
    expect(odd).toBeGreaterThanOrEqual(0);
    expect(odd).toBeLessThanOrEqual(1);
  });

  it('expects partial progress on a miss', () => {
    expect(expectedOkrScore([{ weight: 1, probability: 0.5, partialProgress: 0.4 }])).toBeCloseTo(0.5 + 0.5 * 0.4, 12);
  });
});
