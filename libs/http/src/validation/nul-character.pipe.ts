import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { FieldProblem } from '../errors/domain-error';
import { validationFailed } from '../errors/validation-failed';

// PostgreSQL text cannot hold U+0000; such a value would otherwise surface as a database error.
// Every string in a body or query is checked, and each offending field is named.
function nulFields(value: unknown, path: string, found: string[]): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push(path || '(body)');
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => nulFields(item, path ? `${path}.${i}` : String(i), found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) nulFields(item, path ? `${path}.${key}` : key, found);
  }
}

@Injectable()
export class NulCharacterPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const found: string[] = [];
    nulFields(value, metadata.type === 'param' ? (metadata.data ?? '') : '', found);
    if (found.length === 0) return value;
    const details: FieldProblem[] = found.map((field) => ({
      field,
      reason: 'nulCharacter',
      message: `${field} must not contain the NUL character`,
    }));
    throw validationFailed(details);
  }
}
