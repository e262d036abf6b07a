import { z } from 'zod';
import { ConfigError } from './config-error';

export type EnvironmentSource = Readonly<Record<string, string | undefined>>;
// The variables that are set and not empty, as raw strings.
export type PresentVariables = Readonly<Record<string, string>>;
// A rule across variables that a schema cannot state; returns the problem as `NAME: message`, if any.
export type EnvironmentCheck = (present: PresentVariables) => string | undefined;

function presentVariables(source: EnvironmentSource): PresentVariables {
  return Object.fromEntries(
    Object.entries(source).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''),
  );
}

// Parsed once at boot. An empty variable counts as unset (a bare `FOO=` in a compose file means "the
// default"), and every problem, the schema's and the checks' alike, is reported in one ConfigError.
export function parseEnvironment<S extends z.ZodTypeAny>(
  schema: S,
  source: EnvironmentSource,
  checks: readonly EnvironmentCheck[] = [],
): z.output<S> {
  const present = presentVariables(source);
  const parsed = schema.safeParse(present);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  for (const check of checks) {
    const problem = check(present);
    if (problem) problems.push(problem);
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  return parsed.data as z.output<S>;
}
