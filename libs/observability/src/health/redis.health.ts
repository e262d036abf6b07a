import type { Redis } from 'ioredis';
import type { HealthCheck } from './health.registry';

// PING on the app's own client, so the check sees what requests see.
export function redisCheck(redis: Redis, timeoutMs?: number): HealthCheck {
  return {
    name: 'redis',
    readiness: true,
    timeoutMs,
    run: async () => {
      await redis.ping();
    },
  };
}
