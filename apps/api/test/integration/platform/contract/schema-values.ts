import { randomUUID } from 'node:crypto';
import { Rng } from './rng';

// The parts of an OpenAPI 3.0 schema object this API's documents use.
export interface Schema {
  $ref?: string;
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  nullable?: boolean;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean;
  required?: string[];
}

// A value that breaks one documented constraint, and which constraint it breaks.
export interface Violation {
  constraint: string;
  value: unknown;
}

export type Resolve = (schema: Schema) => Schema;

// Letters from the Basic Multilingual Plane only: the validator counts UTF-16 units and JSON Schema code points,
// and the two agree on these.
const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.,éøßЖ中';
const NOT_A_DATE = ['2026-02-30', '2026-13-01', '26-01-01', 'yesterday'];

function calendarDate(rng: Rng): string {
  const day = new Date(Date.UTC(2000, 0, 1) + rng.int(0, 11_000) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

function pastDateTime(rng: Rng): string {
  return new Date(Date.now() - rng.int(0, 400 * 86_400_000)).toISOString();
}

function text(rng: Rng, min: number, max: number): string {
  // Boundaries half the time: exactly the shortest or the longest the document allows.
  const roll = rng.int(0, 3);
  const length = roll === 0 ? min : roll === 1 ? max : rng.int(min, Math.min(max, min + 24));
  let out = '';
  for (let i = 0; i < length; i += 1) out += ALPHABET[rng.int(0, ALPHABET.length - 1)];
  // A leading or trailing space would be fine for the schema; keep the first character a letter so
  // `pattern: \S` style rules hold for every generated non-empty value.
  return length > 0 ? `x${out.slice(1)}` : out;
}

function matchesString(schema: Schema, value: string): boolean {
  if (schema.minLength !== undefined && value.length < schema.minLength) return false;
  if (schema.maxLength !== undefined && value.length > schema.maxLength) return false;
  if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) return false;
  return true;
}

function validString(schema: Schema, rng: Rng): string {
  if (schema.format === 'uuid') return randomUUID();
  if (schema.format === 'date') return calendarDate(rng);
  if (schema.format === 'date-time') return pastDateTime(rng);
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? min + 40;
  // A pattern may want one of the shapes this API uses (an id, or "root"): offer those often.
  const special = schema.pattern === undefined ? 4 : 1;
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const candidate = rng.int(0, special) === 0 ? rng.pick([randomUUID(), 'root']) : text(rng, min, max);
    if (matchesString(schema, candidate)) return candidate;
  }
  throw new Error(`cannot generate a string for ${JSON.stringify(schema)}`);
}

// A value the document says is valid, for a property or an array item.
export function validValue(schema: Schema, rng: Rng, resolve: Resolve): unknown {
  const s = resolve(schema);
  if (s.enum) return rng.pick(s.enum);
  switch (s.type) {
    case 'string':
      return validString(s, rng);
    case 'integer':
      return rng.int(s.minimum ?? -1_000_000, s.maximum ?? 1_000_000);
    case 'number': {
      const min = s.minimum ?? -1e6;
      const max = s.maximum ?? 1e6;
      return rng.int(0, 4) === 0 ? rng.pick([min, max]) : Math.round((min + rng.next() * (max - min)) * 1000) / 1000;
    }
    case 'boolean':
      return rng.int(0, 1) === 1;
    case 'array': {
      const min = s.minItems ?? 0;
      const length = rng.int(min, Math.min(s.maxItems ?? min + 3, min + 3));
      return Array.from({ length }, () => validValue(s.items ?? {}, rng, resolve));
    }
    case 'object':
      return validObject(s, rng, resolve);
    case undefined:
      throw new Error(`no generator for ${JSON.stringify(s)}`);
  }
}

export function validObject(schema: Schema, rng: Rng, resolve: Resolve): Record<string, unknown> {
  const s = resolve(schema);
  const out: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(s.properties ?? {})) {
    const required = s.required?.includes(name) ?? false;
    if (!required && rng.int(0, 1) === 0) continue;
    out[name] = resolve(property).nullable && rng.int(0, 3) === 0 ? null : validValue(property, rng, resolve);
  }
  return out;
}

// One value per documented constraint of a property, each breaking that constraint and only that
// one where the document allows it (a string one too long is otherwise well-formed).
export function violations(schema: Schema, rng: Rng, resolve: Resolve, inQuery: boolean): Violation[] {
  const s = resolve(schema);
  const out: Violation[] = [];
  const add = (constraint: string, value: unknown): void => void out.push({ constraint, value });
  if (!s.nullable && !inQuery) add('not nullable', null);
  if (s.enum) add('enum', 'not-one-of-them');
  switch (s.type) {
    case 'string': {
      if (!inQuery) add('type string', 12345);
      if (s.format === 'uuid') add('format uuid', 'not-a-uuid');
      if (s.format === 'date') add('format date', rng.pick(NOT_A_DATE));
      if (s.format === 'date-time') add('format date-time', 'next tuesday');
      if (s.minLength !== undefined && s.minLength > 0) add('minLength', 'y'.repeat(s.minLength - 1));
      if (s.maxLength !== undefined) add('maxLength', 'y'.repeat(s.maxLength + 1));
      if (s.pattern !== undefined) {
        const candidates = [' ', '   ', '0000-01-01', 'y', 'not a uuid or root', '\t'];
        const breaking = candidates.find(
          (c) => !new RegExp(s.pattern ?? '', 'u').test(c) && matchesString({ ...s, pattern: undefined }, c),
        );
        if (!breaking) throw new Error(`no value breaks pattern ${s.pattern}`);
        add('pattern', breaking);
      }
      break;
    }
    case 'integer':
    case 'number': {
      add(`type ${s.type}`, inQuery ? 'abc' : '7');
      const low = s.minimum ?? 0;
      if (s.type === 'integer') add('integer', low + 0.5);
      if (s.minimum !== undefined) add('minimum', s.minimum - (s.type === 'integer' ? 1 : 0.5));
      if (s.maximum !== undefined) add('maximum', s.maximum + (s.type === 'integer' ? 1 : 0.5));
      break;
    }
    case 'boolean':
      add('type boolean', inQuery ? 'yes' : 'true');
      break;
    case 'array': {
      add('type array', { not: 'an array' });
      const item = (): unknown => validValue(s.items ?? {}, rng, resolve);
      if (s.minItems !== undefined && s.minItems > 0) add('minItems', Array.from({ length: s.minItems - 1 }, item));
      if (s.maxItems !== undefined) add('maxItems', Array.from({ length: s.maxItems + 1 }, item));
      break;
    }
    case 'object':
      add('type object', 'not an object');
      break;
    case undefined:
      break;
  }
  return out;
}
