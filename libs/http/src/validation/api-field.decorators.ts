import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from './is-calendar-date.decorator';
import { IsOmittable } from './is-omittable.decorator';

// The one place a request field is declared: each decorator below sets the validator's rule and the
// OpenAPI schema from the same values, so /docs-json and the validation pipe cannot disagree.
// required: must be present and not null; omittable: may be left out, never null; nullable: may be
// left out or null (OpenAPI `nullable: true`). Query parameters are never null: use omittable.
export type Presence = 'required' | 'omittable' | 'nullable';

export interface FieldOptions {
  presence?: Presence;
  description?: string;
  example?: unknown;
  default?: unknown;
}

type Schema = Record<string, unknown>;

function field(options: FieldOptions, schema: Schema, rules: PropertyDecorator[]): PropertyDecorator {
  const presence = options.presence ?? 'required';
  const documented: Schema = Object.fromEntries(Object.entries(schema).filter(([, value]) => value !== undefined));
  documented.required = presence === 'required';
  if (presence === 'nullable') documented.nullable = true;
  for (const key of ['description', 'example', 'default'] as const) {
    if (options[key] !== undefined) documented[key] = options[key];
  }
  const allows = presence === 'nullable' ? [IsOptional()] : presence === 'omittable' ? [IsOmittable()] : [];
  return applyDecorators(ApiProperty(documented), ...allows, ...rules);
}

function defined<T>(value: T | undefined, rule: (value: T) => PropertyDecorator): PropertyDecorator[] {
  return value === undefined ? [] : [rule(value)];
}

export interface StringFieldOptions extends FieldOptions {
  minLength?: number;
  maxLength: number;
  // Documented as its source: keep it to the subset ECMAScript and JSON Schema read alike.
  pattern?: { regex: RegExp; message: string };
}

export function StringField(options: StringFieldOptions): PropertyDecorator {
  const { minLength, maxLength, pattern } = options;
  return field(options, { type: 'string', minLength, maxLength, pattern: pattern?.regex.source }, [
    IsString(),
    ...defined(minLength, (n) => MinLength(n)),
    MaxLength(maxLength),
    ...defined(pattern, (p) => Matches(p.regex, { message: p.message })),
  ]);
}

export function UuidField(options: FieldOptions = {}): PropertyDecorator {
  return field(options, { type: 'string', format: 'uuid' }, [IsUUID()]);
}

// A real calendar date, YYYY-MM-DD (2026-02-30 is refused).
export function DateField(
  options: FieldOptions & { pattern?: { regex: RegExp; message: string } } = {},
): PropertyDecorator {
  const { pattern } = options;
  return field(options, { type: 'string', format: 'date', pattern: pattern?.regex.source }, [
    IsCalendarDate(),
    ...defined(pattern, (p) => Matches(p.regex, { message: p.message })),
  ]);
}

export function EnumField(values: readonly string[], options: FieldOptions = {}): PropertyDecorator {
  return field(options, { type: 'string', enum: [...values] }, [IsIn(values)]);
}

export interface NumberFieldOptions extends FieldOptions {
  minimum?: number;
  maximum?: number;
  // A query string arrives as text: convert it before the rules run.
  query?: boolean;
}

export function IntField(options: NumberFieldOptions = {}): PropertyDecorator {
  const { minimum, maximum } = options;
  return field(options, { type: 'integer', minimum, maximum }, [
    ...(options.query ? [Type(() => Number)] : []),
    IsInt(),
    ...defined(minimum, (n) => Min(n)),
    ...defined(maximum, (n) => Max(n)),
  ]);
}

export function NumberField(options: NumberFieldOptions = {}): PropertyDecorator {
  const { minimum, maximum } = options;
  return field(options, { type: 'number', minimum, maximum }, [
    ...(options.query ? [Type(() => Number)] : []),
    IsNumber({ allowNaN: false, allowInfinity: false }),
    ...defined(minimum, (n) => Min(n)),
    ...defined(maximum, (n) => Max(n)),
  ]);
}

const QUERY_BOOLEAN = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

export function BooleanField(options: FieldOptions & { query?: boolean } = {}): PropertyDecorator {
  return field(options, { type: 'boolean' }, [...(options.query ? [Transform(QUERY_BOOLEAN)] : []), IsBoolean()]);
}

export interface ArrayFieldOptions extends FieldOptions {
  minItems?: number;
  maxItems: number;
}

export function ArrayField(item: new () => object, options: ArrayFieldOptions): PropertyDecorator {
  const { minItems, maxItems } = options;
  return field(options, { type: [item], minItems, maxItems }, [
    IsArray(),
    ...defined(minItems, (n) => ArrayMinSize(n)),
    ArrayMaxSize(maxItems),
    ValidateNested({ each: true }),
    Type(() => item),
  ]);
}

// For a rule the schema cannot express in its own words (a date-time not in the future): the format is
// documented, the rule is the given validator, and the description says the rest.
export function FormattedStringField(
  format: string,
  rule: PropertyDecorator,
  options: FieldOptions = {},
): PropertyDecorator {
  return field(options, { type: 'string', format }, [rule]);
}
