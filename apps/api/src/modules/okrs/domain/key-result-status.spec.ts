import { keyResultStatus } from './key-result-status';

describe('keyResultStatus', () => {
  it('is not_started before any check-in, whatever the progress', () => {
    expect(keyResultStatus(0, null)).toBe('not_started');
    expect(keyResultStatus(1, null)).toBe('not_started');
  });

  it('is completed once progress reaches 1, even with low confidence', () => {
    expect(keyResultStatus(1, 0.1)).toBe('completed');
  });

  it('is at_risk below 0.5 confidence', () => {
    expect(keyResultStatus(0.9, 0.49)).toBe('at_risk');
    expect(keyResultStatus(0, 0)).toBe('at_risk');
  });

  it('is in_progress otherwise', () => {
    expect(keyResultStatus(0, 0.5)).toBe('in_progress');
    expect(keyResultStatus(0.99, 1)).toBe('in_progress');
  });
});
