import { z } from 'zod';
import { booleanFromString } from '../boolean-from-string';
import { NodeEnvironment } from './node-env.block';

export const loggingBlock = {
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: booleanFromString.optional(),
  LOG_DIR: z.string().min(1).optional(),
};

export type LoggingEnvironment = z.output<z.ZodObject<typeof loggingBlock>>;

export interface LoggingSettings {
  level: LoggingEnvironment['LOG_LEVEL'];
  pretty: boolean;
  dir?: string;
}

// Pretty lines are for a developer's terminal; everywhere else logs are JSON unless LOG_PRETTY says otherwise.
export function loggingSettings(env: LoggingEnvironment & NodeEnvironment): LoggingSettings {
  return { level: env.LOG_LEVEL, pretty: env.LOG_PRETTY ?? env.NODE_ENV === 'development', dir: env.LOG_DIR };
}
