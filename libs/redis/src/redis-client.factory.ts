import { Logger } from '@nestjs/common';
import Redis, { RedisOptions } from 'ioredis';

// Commands fail fast while Redis is away (no offline queue, one retry, a short timeout), so callers
// can fall back (cache reads go to the database, rate limits to a local window) instead of piling up.
export const FAIL_FAST_OPTIONS: RedisOptions = {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  commandTimeout: 500,
  connectTimeout: 2000,
  retryStrategy: (attempt) => Math.min(100 * 2 ** attempt, 2000),
  lazyConnect: false,
  // No auto-pipelining. It was tried on the API's cached GET: its CPU per request did not differ
  // beyond the noise of interleaved runs (medians with and without it: 71 and 64 µs over 5 pairs,
  // 95 and 86 µs over 8 pairs, of which 5 went the other way), but its pipelines pushed about
  // 0.9 MB into the old generation at each scavenge (0.2 MB without), so scavenges took 3.1 ms
  // instead of 1.1 ms and the old generation filled four times as fast.
};

type LogSink = Pick<Logger, 'warn' | 'log'>;

// One warning when Redis goes away and one line when it is back, however many errors come in between.
export function reportOutages(client: Pick<Redis, 'on'>, logger: LogSink): void {
  let reported = false;
  client.on('error', (error: Error) => {
    if (!reported) logger.warn(`Redis unavailable: ${error.message}`);
    reported = true;
  });
  client.on('ready', () => {
    if (reported) logger.log('Redis connection restored');
    reported = false;
  });
}

export function createRedisClient(url: string, logger: LogSink = new Logger('Redis')): Redis {
  const client = new Redis(url, FAIL_FAST_OPTIONS);
  reportOutages(client, logger);
  return client;
}
