import { ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';

// Path ids that are not UUIDs are a 400 naming the parameter, never a database error.
export function uuidParam(name = 'id'): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () =>
      new DomainError('VALIDATION.FAILED', 'validation', 'Request validation failed', [
        { field: name, reason: 'isUuid', message: `${name} must be a UUID` },
      ]),
  });
}
