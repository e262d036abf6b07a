import { scoreKeyResult } from './key-result-scoring';

describe('scoreKeyResult', () => {
  const halfway = { baselineValue: 0, targetValue: 10, currentValue: 5 };

  it('scores progress from the values and status from progress and the latest confidence', () => {
    expect(scoreKeyResult(halfway, null)).toEqual({ progress: 0.5, status: 'not_started' });
    expect(scoreKeyResult(halfway, 0.9)).toEqual({ progress: 0.5, status: 'in_progress' });
    expect(scoreKeyResult(halfway, 0.2)).toEqual({ progress: 0.5, status: 'at_risk' });
    expect(scoreKeyResult({ ...halfway, currentValue: 12 }, 0.2)).toEqual({ progress: 1, status: 'completed' });
  });
});
