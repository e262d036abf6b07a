import { z } from 'zod';

export const nodeEnvBlock = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
};

export type NodeEnvironment = z.output<z.ZodObject<typeof nodeEnvBlock>>;
export type NodeEnv = NodeEnvironment['NODE_ENV'];
