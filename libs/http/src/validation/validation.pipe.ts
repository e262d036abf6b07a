import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem } from '../errors/domain-error';
import { validationFailed } from '../errors/validation-failed';

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([reason, message]) => ({
      field,
      reason: reason === 'whitelistValidation' ? 'unknown_field' : reason,
      message,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

// Unknown fields are rejected, every bad field is named, and values are converted to the DTO's types.
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(flatten(errors)),
  });
}
