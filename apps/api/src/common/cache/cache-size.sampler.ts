import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { CacheMetrics, MetricsScrapeHooks } from '@qbm/observability';
import Redis from 'ioredis';
import { CACHE_TTL_SECONDS, CacheType } from './cache-type';

const SAMPLE_INTERVAL_MS = 30_000;
const MAX_KEYS_PER_SAMPLE = 20_000;

function isCacheType(value: string | undefined): value is CacheType {
  return value !== undefined && value in CACHE_TTL_SECONDS;
}

// cache_size_bytes{cache_type}: the memory Redis reports for the read cache's entries, summed per
// type. Measured by SCAN over the cache's own key prefix (never KEYS) plus MEMORY USAGE, at most
// every 30 s and in the background, so a scrape never waits on it; the gauge lags by that much.
@Injectable()
export class CacheSizeSampler implements OnModuleInit {
  private readonly logger = new Logger(CacheSizeSampler.name);
  private lastStartedAt = 0;
  private running: Promise<void> | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly metrics: CacheMetrics,
    private readonly scrapeHooks: MetricsScrapeHooks,
  ) {}

  onModuleInit(): void {
    this.scrapeHooks.onScrape([this.metrics.cacheSize], () => {
      if (!this.running && Date.now() - this.lastStartedAt >= SAMPLE_INTERVAL_MS) void this.sample();
    });
  }

  sample(): Promise<void> {
    this.lastStartedAt = Date.now();
    this.running ??= this.measure()
      .then((totals) => {
        for (const [type, bytes] of Object.entries(totals)) this.metrics.cacheSize.set({ cache_type: type }, bytes);
      })
      .catch((error: unknown) => this.logger.debug(`cache size sample failed: ${String(error)}`))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async measure(): Promise<Record<CacheType, number>> {
    const totals = Object.fromEntries(Object.keys(CACHE_TTL_SECONDS).map((t) => [t, 0])) as Record<CacheType, number>;
    let cursor = '0';
    let seen = 0;
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', 'qbm:c:*', 'COUNT', 500);
      cursor = next;
      seen += keys.length;
      if (keys.length === 0) continue;
      const pipeline = this.redis.pipeline();
      for (const key of keys) pipeline.memory('USAGE', key);
      const results = (await pipeline.exec()) ?? [];
      keys.forEach((key, i) => {
        const type = key.split(':')[2];
        const bytes = results[i]?.[1];
        if (isCacheType(type) && typeof bytes === 'number') totals[type] += bytes;
      });
    } while (cursor !== '0' && seen < MAX_KEYS_PER_SAMPLE);
    return totals;
  }
}
