import { z } from 'zod';

export const databaseBlock = {
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/qbm'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  SLOW_QUERY_MS: z.coerce.number().int().min(1).default(100),
};

export type DatabaseEnvironment = z.output<z.ZodObject<typeof databaseBlock>>;

export interface DatabaseSettings {
  url: string;
  poolMax: number;
  slowQueryMs: number;
}

export function databaseSettings(env: DatabaseEnvironment): DatabaseSettings {
  return { url: env.DATABASE_URL, poolMax: env.DATABASE_POOL_MAX, slowQueryMs: env.SLOW_QUERY_MS };
}
