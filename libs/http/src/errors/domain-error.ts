export type DomainErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'rate_limited'
  | 'unavailable';

export interface FieldProblem {
  field: string;
  reason: string;
  message: string;
}

// A failure the caller can act on. `code` is a stable contract: clients, logs and metric labels key on it.
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    message: string,
    readonly details?: FieldProblem[] | Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function notFound(entity: string, id: string): DomainError {
  return new DomainError(
    `${entity}.NOT_FOUND`,
    'not_found',
    `${entity.toLowerCase().replace(/_/g, ' ')} ${id} was not found`,
  );
}
