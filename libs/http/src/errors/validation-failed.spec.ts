import { statusForKind } from './status-for-kind';
import { validationFailed } from './validation-failed';

describe('validationFailed', () => {
  it('is the coded 400 that carries the field problems', () => {
    const problems = [{ field: 'from', reason: 'range', message: 'from must not be after to' }];
    const error = validationFailed(problems);
    expect({ code: error.code, message: error.message, details: error.details }).toEqual({
      code: 'VALIDATION.FAILED',
      message: 'Request validation failed',
      details: problems,
    });
    expect(statusForKind(error.kind)).toBe(400);
  });
});
