import { DomainError } from '@qbm/http';
import { assertKeyResultRules } from './key-result-rules';

function codeOf(run: () => void): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a domain error';
  }
}

describe('assertKeyResultRules', () => {
  it('accepts increasing and decreasing targets with weights in (0, 100]', () => {
    expect(codeOf(() => assertKeyResultRules({ baselineValue: 0, targetValue: 10, weight: 1 }))).toBeUndefined();
    expect(codeOf(() => assertKeyResultRules({ baselineValue: 10, targetValue: 0, weight: 100 }))).toBeUndefined();
    expect(codeOf(() => assertKeyResultRules({ baselineValue: 10, targetValue: 0, weight: 0.001 }))).toBeUndefined();
  });

  it('refuses a target equal to the baseline', () => {
    expect(codeOf(() => assertKeyResultRules({ baselineValue: 3, targetValue: 3, weight: 1 }))).toBe(
      'KEY_RESULT.TARGET_EQUALS_BASELINE',
    );
  });

  it.each([0, -1, 100.5, 1000])('refuses weight %p', (weight) => {
    expect(codeOf(() => assertKeyResultRules({ baselineValue: 0, targetValue: 1, weight }))).toBe(
      'KEY_RESULT.WEIGHT_OUT_OF_RANGE',
    );
  });

  it('names the position inside a batch', () => {
    try {
      assertKeyResultRules({ baselineValue: 0, targetValue: 1, weight: 0 }, 2);
      throw new Error('expected a domain error');
    } catch (error) {
      expect((error as DomainError).details).toEqual({ weight: 0, index: 2 });
    }
  });
});
