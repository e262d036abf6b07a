import { z } from 'zod';
import { ConfigError } from './config-error';
import { parseEnvironment } from './parse-environment';

const schema = z.object({
  PORT: z.coerce.number().int().default(3000),
  NAME: z.string().min(3),
});

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseEnvironment', () => {
  it('returns the parsed values with defaults applied', () => {
    expect(parseEnvironment(schema, { NAME: 'qbm' })).toEqual({ PORT: 3000, NAME: 'qbm' });
  });

  it('treats an empty variable as unset', () => {
    expect(parseEnvironment(schema, { NAME: 'qbm', PORT: '' })).toEqual({ PORT: 3000, NAME: 'qbm' });
    expect(problemsOf(() => parseEnvironment(schema, { NAME: '' }))).toEqual(['NAME: Required']);
  });

  it('reports every schema problem and every failed check in one error', () => {
    const noDebugInProduction = (present: Readonly<Record<string, string>>) =>
      present.DEBUG ? 'DEBUG: not allowed here' : undefined;
    const passing = () => undefined;
    const problems = problemsOf(() =>
      parseEnvironment(schema, { PORT: 'x', NAME: 'ab', DEBUG: '1' }, [noDebugInProduction, passing]),
    );
    expect(problems).toEqual([
      'PORT: Expected number, received nan',
      'NAME: String must contain at least 3 character(s)',
      'DEBUG: not allowed here',
    ]);
  });

  it('fails on a check alone, and the message lists the problems one per line', () => {
    let caught: unknown;
    try {
      parseEnvironment(schema, { NAME: 'qbm' }, [() => 'TOKEN: required']);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).message).toBe('Invalid configuration:\n  TOKEN: required');
  });

  it('hands the checks only the set, non-empty variables', () => {
    const seen: string[] = [];
    parseEnvironment(schema, { NAME: 'qbm', EMPTY: '', UNSET: undefined }, [
      (present) => {
        seen.push(...Object.keys(present));
        return undefined;
      },
    ]);
    expect(seen).toEqual(['NAME']);
  });
});
