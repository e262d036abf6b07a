import { z } from 'zod';

export const redisBlock = {
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
};
