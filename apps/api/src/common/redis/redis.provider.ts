import { Logger, Provider } from '@nestjs/common';
import Redis from 'ioredis';
import { ApiConfig } from '../../config/api.config';

// One shared client for cache, rate limits and health. Commands fail fast while Redis is away
// (no offline queue) so callers can fall back instead of piling up.
export const redisProvider: Provider = {
  provide: Redis,
  inject: [ApiConfig],
  useFactory: (config: ApiConfig): Redis => {
    const logger = new Logger('Redis');
    const client = new Redis(config.redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: 500,
      connectTimeout: 2000,
      retryStrategy: (attempt) => Math.min(100 * 2 ** attempt, 2000),
      lazyConnect: false,
    });
    let reported = false;
    client.on('error', (error: Error) => {
      if (!reported) logger.warn(`Redis unavailable: ${error.message}`);
      reported = true;
    });
    client.on('ready', () => {
      if (reported) logger.log('Redis connection restored');
      reported = false;
    });
    return client;
  },
};
