import { randomBytes } from 'node:crypto';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { CacheMetrics } from '@qbm/observability';
import Redis from 'ioredis';
import { ApiConfig } from '../../config/api.config';
import { CACHE_TTL_SECONDS, CacheType } from './cache-type';

const GENERATION_TTL_SECONDS = 2 * Math.max(...Object.values(CACHE_TTL_SECONDS));

function newGeneration(): string {
  return `${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
}

// Cache-aside with generation keys: a write replaces one generation token per (organisation, type),
// so every cached read of that type is invalidated in O(1) without KEYS or SCAN; stale entries age
// out by TTL. Tokens never repeat (an INCR counter would restart at 1 after its key expired and
// resurrect entries of an old generation) and outlive every entry TTL.
// When Redis is unreachable reads go straight to the database. An invalidation that could not reach
// Redis is remembered, retried on reconnect, and until then this process bypasses that scope.
@Injectable()
export class ReadCacheService implements OnModuleDestroy {
  private readonly logger = new Logger(ReadCacheService.name);
  private readonly pending = new Set<string>();
  private readonly onReady = (): void => void this.flushPending();

  constructor(
    private readonly redis: Redis,
    private readonly metrics: CacheMetrics,
    private readonly config: ApiConfig,
  ) {
    redis.on('ready', this.onReady);
  }

  onModuleDestroy(): void {
    this.redis.off('ready', this.onReady);
  }

  async getOrLoad<T>(type: CacheType, organizationId: string, key: string, load: () => Promise<T>): Promise<T> {
    const generationKey = this.generationKey(type, organizationId);
    if (!this.config.cacheEnabled || this.pending.has(generationKey)) return load();

    let entryKey: string | undefined;
    const stopGet = this.metrics.cacheOperationDuration.startTimer({ cache_type: type, operation: 'get' });
    try {
      const generation = (await this.redis.get(generationKey)) ?? '0';
      entryKey = `qbm:c:${type}:${organizationId}:${generation}:${key}`;
      const cached = await this.redis.get(entryKey);
      stopGet();
      if (cached !== null) {
        this.metrics.cacheHits.inc({ cache_type: type });
        return JSON.parse(cached) as T;
      }
    } catch {
      stopGet();
      entryKey = undefined;
    }
    this.metrics.cacheMisses.inc({ cache_type: type });
    const value = await load();
    if (entryKey && value !== undefined) {
      const stopSet = this.metrics.cacheOperationDuration.startTimer({ cache_type: type, operation: 'set' });
      // Best effort: a failed write only costs the next reader a miss.
      await this.redis
        .set(entryKey, JSON.stringify(value), 'EX', CACHE_TTL_SECONDS[type])
        .catch(() => undefined)
        .finally(() => stopSet());
    }
    return value;
  }

  async invalidate(organizationId: string, ...types: CacheType[]): Promise<void> {
    await Promise.all(
      types.map(async (type) => {
        const generationKey = this.generationKey(type, organizationId);
        try {
          await this.redis.set(generationKey, newGeneration(), 'EX', GENERATION_TTL_SECONDS);
        } catch {
          this.pending.add(generationKey);
        }
      }),
    );
  }

  private async flushPending(): Promise<void> {
    for (const generationKey of [...this.pending]) {
      try {
        await this.redis.set(generationKey, newGeneration(), 'EX', GENERATION_TTL_SECONDS);
        this.pending.delete(generationKey);
      } catch (error) {
        this.logger.warn(`Deferred cache invalidation failed again: ${(error as Error).message}`);
        return;
      }
    }
  }

  private generationKey(type: CacheType, organizationId: string): string {
    return `qbm:cg:${type}:${organizationId}`;
  }
}
