import { DomainError, FieldProblem } from './domain-error';

// The one 400 for bad input: VALIDATION.FAILED naming every offending field.
export function validationFailed(problems: FieldProblem[]): DomainError {
  return new DomainError('VALIDATION.FAILED', 'validation', 'Request validation failed', problems);
}
