import type { PipeTransform } from '@nestjs/common';
import { validationFailed } from '@qbm/http';
import type { z } from 'zod';

// Validates a body against a zod schema; every problem becomes one VALIDATION.FAILED field entry.
export class ZodBodyPipe<S extends z.ZodTypeAny> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.output<S> {
    const parsed = this.schema.safeParse(value);
    if (parsed.success) return parsed.data as z.output<S>;
    throw validationFailed(
      parsed.error.issues.slice(0, 50).map((issue) => ({
        field: issue.path.join('.') || '(body)',
        reason: issue.code,
        message: issue.message,
      })),
    );
  }
}
