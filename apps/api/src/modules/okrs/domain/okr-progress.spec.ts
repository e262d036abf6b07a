import { okrProgress } from './okr-progress';

describe('okrProgress', () => {
  it('is 0 without key results', () => {
    expect(okrProgress([])).toBe(0);
  });

  it('is the plain mean when weights are equal', () => {
    expect(
      okrProgress([
        { weight: 1, progress: 0.2 },
        { weight: 1, progress: 0.6 },
      ]),
    ).toBeCloseTo(0.4, 12);
  });

  it('weights each key result by its weight', () => {
    expect(
      okrProgress([
        { weight: 3, progress: 1 },
        { weight: 1, progress: 0 },
      ]),
    ).toBeCloseTo(0.75, 12);
    expect(
      okrProgress([
        { weight: 0.5, progress: 0.5 },
        { weight: 100, progress: 0 },
        { weight: 0.5, progress: 1 },
      ]),
    ).toBeCloseTo(0.75 / 101, 12);
  });

  it('never leaves [0, 1] through rounding', () => {
    const krs = [0.1, 0.2, 0.3, 0.7, 33.3].map((weight) => ({ weight, progress: 1 }));
    expect(okrProgress(krs)).toBe(1);
  });
});
