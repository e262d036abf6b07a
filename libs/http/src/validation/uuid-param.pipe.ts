import { ParseUUIDPipe } from '@nestjs/common';
import { validationFailed } from '../errors/validation-failed';

// Path ids that are not UUIDs are a 400 naming the parameter, never a database error.
export function uuidParam(name = 'id'): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () => validationFailed([{ field: name, reason: 'isUuid', message: `${name} must be a UUID` }]),
  });
}
