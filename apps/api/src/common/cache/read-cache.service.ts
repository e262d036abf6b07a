import { randomBytes } from 'node:crypto';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { CacheMetrics } from '@qbm/observability';
import Redis from 'ioredis';
import { ApiConfig } from '../../config/api.config';
import { CacheReadState, cacheReadContext } from './cache-read.context';
import { CACHE_READ_COMMAND, CACHE_READ_LUA, CacheReadCommand } from './cache-read.script';
import { CacheEntry } from './cache-tags';
import { CACHE_TTL_SECONDS, CacheType } from './cache-type';

// Generations outlive every entry stamped with them, so an expired generation (read as '0') can
// never resurrect an entry stamped before it was set.
const GENERATION_TTL_SECONDS = 2 * Math.max(...Object.values(CACHE_TTL_SECONDS));
// Replaced by a write that could not reach Redis: every entry of the type in the organisation.
const WHOLE_TYPE_TAG = '*';

function newGeneration(): string {
  return `${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
}

// Cache-aside with tag generations: each entry is stamped with the generations of the tags it depends
// on (its object, its lists, the whole type), and a write replaces the generations of the tags it
// changed, in O(1) without KEYS or SCAN; replaced entries are overwritten by the next miss or age out.
// Tokens never repeat (an INCR counter would restart at 1 after its key expired).
// When Redis is unreachable reads go straight to the database. An invalidation that could not reach
// Redis is remembered, replayed on reconnect as the whole type's, and until then this process
// bypasses the cache for that type and organisation.
@Injectable()
export class ReadCacheService implements OnModuleDestroy {
  private readonly logger = new Logger(ReadCacheService.name);
  private readonly pending = new Set<string>();
  private readonly onReady = (): void => void this.flushPending();
  private readonly script: CacheReadCommand;

  constructor(
    private readonly redis: Redis,
    private readonly metrics: CacheMetrics,
    private readonly config: ApiConfig,
  ) {
    redis.on('ready', this.onReady);
    if (!(CACHE_READ_COMMAND in redis)) redis.defineCommand(CACHE_READ_COMMAND, { lua: CACHE_READ_LUA });
    this.script = redis as unknown as CacheReadCommand;
  }

  onModuleDestroy(): void {
    this.redis.off('ready', this.onReady);
  }

  async getOrLoad<T>(type: CacheType, organizationId: string, entry: CacheEntry, load: () => Promise<T>): Promise<T> {
    const read = cacheReadContext.getStore();
    if (this.bypasses(type, organizationId)) return this.load(read, load);

    const keys = this.keysOf(type, organizationId, entry);
    const entryKey = keys[0] as string;
    let stamp: string | undefined;
    const stopGet = this.startGet(type);
    try {
      const [found, payload] = await this.script.qbmCacheRead(keys.length, ...keys);
      stopGet();
      if (found === 1) {
        this.countHit(type);
        if (read) read.fromCache = true;
        return JSON.parse(payload) as T;
      }
      stamp = payload;
    } catch {
      stopGet();
    }
    this.metrics.cacheMisses.inc({ cache_type: type });
    const value = await this.load(read, load);
    if (stamp !== undefined && value !== undefined) {
      const stopSet = this.metrics.cacheOperationDuration.startTimer({ cache_type: type, operation: 'set' });
      // Best effort: a failed write only costs the next reader a miss.
      await this.redis
        .set(entryKey, `${stamp}\n${JSON.stringify(value)}`, 'EX', CACHE_TTL_SECONDS[type])
        .catch(() => undefined)
        .finally(() => stopSet());
    }
    return value;
  }

  // Whether reads of (type, organisation) skip the cache: disabled, or an invalidation is pending.
  bypasses(type: CacheType, organizationId: string): boolean {
    return !this.config.cacheEnabled || this.pending.has(this.scope(type, organizationId));
  }

  // The keys CACHE_READ_LUA reads for an entry: the entry itself, then its tags' generations.
  keysOf(type: CacheType, organizationId: string, entry: CacheEntry): string[] {
    const keys = [`qbm:c:${type}:{${organizationId}}:${entry.key}`, this.tagKey(type, organizationId, WHOLE_TYPE_TAG)];
    for (const tag of entry.tags) keys.push(this.tagKey(type, organizationId, tag));
    return keys;
  }

  // cache_operation_duration_seconds{operation="get"} of a read, whoever makes it.
  startGet(type: CacheType): () => void {
    return this.metrics.cacheOperationDuration.startTimer({ cache_type: type, operation: 'get' });
  }

  countHit(type: CacheType): void {
    this.metrics.cacheHits.inc({ cache_type: type });
  }

  // Replaces the generations of `tags` (CacheTags) in one round trip; call after the write committed.
  async invalidate(type: CacheType, organizationId: string, tags: readonly string[]): Promise<void> {
    if (tags.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const tag of new Set(tags))
      pipeline.set(this.tagKey(type, organizationId, tag), newGeneration(), 'EX', GENERATION_TTL_SECONDS);
    try {
      const results = (await pipeline.exec()) ?? [];
      if (results.length === 0 || results.some(([error]) => error)) throw new Error('invalidation not applied');
    } catch {
      this.pending.add(this.scope(type, organizationId));
    }
  }

  private load<T>(read: CacheReadState | undefined, load: () => Promise<T>): Promise<T> {
    if (read) read.fromDatabase = true;
    return load();
  }

  private async flushPending(): Promise<void> {
    for (const scope of [...this.pending]) {
      const [type, organizationId] = scope.split('\u0000') as [CacheType, string];
      try {
        await this.redis.set(
          this.tagKey(type, organizationId, WHOLE_TYPE_TAG),
          newGeneration(),
          'EX',
          GENERATION_TTL_SECONDS,
        );
        this.pending.delete(scope);
      } catch (error) {
        this.logger.warn(`Deferred cache invalidation failed again: ${(error as Error).message}`);
        return;
      }
    }
  }

  private scope(type: CacheType, organizationId: string): string {
    return `${type}\u0000${organizationId}`;
  }

  // The organisation is the hash tag: a read's keys all live in one Cluster slot.
  private tagKey(type: CacheType, organizationId: string, tag: string): string {
    return `qbm:cg:${type}:{${organizationId}}:${tag}`;
  }
}
