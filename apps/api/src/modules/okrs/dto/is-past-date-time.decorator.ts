import { registerDecorator, ValidationOptions } from 'class-validator';

// Date and time with an explicit offset: 2026-02-01T09:30:00Z, 2026-02-01T10:30:00.000+01:00.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

export function isPastDateTime(value: unknown, skewMs: number, now = Date.now()): boolean {
  if (typeof value !== 'string' || !DATE_TIME.test(value)) return false;
  const time = Date.parse(value);
  return !Number.isNaN(time) && time <= now + skewMs;
}

// An ISO 8601 date-time that is not later than now, allowing `skewMs` for clients whose clocks run ahead.
export function IsPastDateTime(skewMs: number, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isPastDateTime',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `${String(propertyName)} must be an ISO 8601 date-time with an offset, not in the future`,
        ...options,
      },
      validator: { validate: (value: unknown) => isPastDateTime(value, skewMs) },
    });
  };
}
