import { Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { MetricsScrapeHooks } from '../metrics/scrape-hooks.service';
import { CacheMetrics } from './cache.metrics';

// A scrape must stay fast even when Redis is not answering.
const INFO_TIMEOUT_MS = 500;

@Injectable()
export class RedisInstrumentation {
  private readonly logger = new Logger(RedisInstrumentation.name);

  constructor(
    private readonly metrics: CacheMetrics,
    private readonly scrapeHooks: MetricsScrapeHooks,
  ) {}

  attach(redis: Redis): void {
    const { redisMemoryUsedBytes, redisMemoryMaxBytes } = this.metrics;
    let inFlight: Promise<void> | undefined;
    // Both gauges collect on each scrape; they share one INFO call.
    const refresh = (): Promise<void> => {
      inFlight ??= this.readMemory(redis)
        .then((memory) => {
          redisMemoryUsedBytes.set(memory.used);
          redisMemoryMaxBytes.set(memory.max);
        })
        // Redis down: keep the last values, the health checks report the outage.
        .catch((error: unknown) => this.logger.debug(`redis INFO memory failed: ${String(error)}`))
        .finally(() => (inFlight = undefined));
      return inFlight;
    };
    this.scrapeHooks.onScrape([redisMemoryUsedBytes, redisMemoryMaxBytes], refresh);
  }

  private async readMemory(redis: Redis): Promise<{ used: number; max: number }> {
    // Not queued while disconnected: an offline queue would hold the scrape until the timeout.
    if (redis.status !== 'ready') throw new Error(`connection is ${redis.status}`);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('INFO memory timed out')), INFO_TIMEOUT_MS);
    });
    try {
      const info = await Promise.race([redis.info('memory'), timeout]);
      return { used: infoField(info, 'used_memory'), max: infoField(info, 'maxmemory') };
    } finally {
      clearTimeout(timer);
    }
  }
}

export function infoField(info: string, field: string): number {
  const match = new RegExp(`^${field}:(\\d+)\\r?$`, 'm').exec(info);
  if (!match?.[1]) throw new Error(`INFO has no ${field}`);
  return Number(match[1]);
}
