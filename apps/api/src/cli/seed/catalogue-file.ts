import { z } from 'zod';

// A demo catalogue read from its JSON file: parsed against its schema when the module loads, so a
// bad edit stops `qbm seed` at once with the file, the entry and the field named.
export function parseCatalogue<S extends z.ZodTypeAny>(file: string, schema: S, data: unknown): z.output<S> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data as z.output<S>;
  const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new Error(`seed catalogue ${file} is invalid:\n${problems.join('\n')}`);
}

// Cross-file references (an OKR's goal, a metric's goal) must name an objective that exists.
export function assertKnownKeys(file: string, known: ReadonlySet<string>, used: Iterable<string | undefined>): void {
  const unknown = [...new Set(used)].filter((key): key is string => key !== undefined && !known.has(key));
  if (unknown.length > 0) throw new Error(`seed catalogue ${file} names unknown objectives: ${unknown.join(', ')}`);
}

export const objectiveKey = z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be a kebab-case objective key');
export const daysOffset = z.number().int();
