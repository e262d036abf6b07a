import { AsyncLocalStorage } from 'node:async_hooks';
import Redis from 'ioredis';
import { flushTestRedis, freePort, testRedisUrl } from '@qbm/testing';
import { CountedCacheReads, CountedRead } from '../../../src/fast-path/counted-cache-reads.batch';

const TTL_MS = 120_000;
const COMMAND = 'qbmCountedCacheReads';

// The keys of one read as the fast path builds them: counter, entry, generations.
function keysOf(org: string, client: string, entry: string): string[] {
  return [`qbm:rl:{${org}}:${client}:1`, `qbm:c:objective:{${org}}:${entry}`, `qbm:cg:objective:{${org}}:*`];
}

// Reads started in one turn of the event loop, answered in submission order.
function readAll(reads: CountedCacheReads, batch: string[][]): Promise<(CountedRead | undefined)[]> {
  return Promise.all(batch.map((keys) => new Promise<CountedRead | undefined>((resolve) => reads.read(keys, resolve))));
}

// The batcher against the real Redis: what each request gets must not depend on which requests
// shared its script call.
describe('CountedCacheReads', () => {
  let redis: Redis;
  let calls: jest.SpyInstance;

  beforeEach(async () => {
    redis = new Redis(testRedisUrl());
    await flushTestRedis(redis);
  });

  afterEach(async () => {
    calls?.mockRestore();
    await redis.quit();
  });

  function batcher(limit: number): CountedCacheReads {
    const reads = new CountedCacheReads(redis, TTL_MS, limit);
    calls = jest.spyOn(redis as unknown as Record<string, (...args: unknown[]) => unknown>, COMMAND);
    return reads;
  }

  it('answers a turn of reads from two organisations in one call each, as calls one by one would', async () => {
    // acme's entry is current (stamped with the generation it depends on); globex's is stale.
    await redis.set('qbm:cg:objective:{acme}:*', 'g1');
    await redis.set('qbm:c:objective:{acme}:a', 'g1\n{"name":"Grow – ü"}');
    await redis.set('qbm:cg:objective:{globex}:*', 'g2');
    await redis.set('qbm:c:objective:{globex}:b', 'g1\n{"name":"Old"}');
    const reads = batcher(3);

    const answers = await readAll(reads, [
      keysOf('acme', 'ann', 'a'),
      keysOf('globex', 'gus', 'b'),
      keysOf('acme', 'ann', 'a'),
      keysOf('acme', 'bob', 'missing'),
      keysOf('acme', 'ann', 'a'),
      keysOf('acme', 'ann', 'a'),
    ]);

    expect(calls).toHaveBeenCalledTimes(2);
    expect(answers).toEqual([
      { count: 1, json: '{"name":"Grow – ü"}' },
      { count: 1, json: undefined }, // stale stamp: a miss
      { count: 2, json: '{"name":"Grow – ü"}' },
      { count: 1, json: undefined }, // no entry
      { count: 3, json: '{"name":"Grow – ü"}' },
      { count: 4, json: undefined }, // over the limit: counted, the cache not read
    ]);
    expect(await redis.get('qbm:rl:{acme}:ann:1')).toBe('4');
    expect(await redis.pttl('qbm:rl:{acme}:ann:1')).toBeGreaterThan(TTL_MS - 10_000);
  });

  it('splits a turn of more reads than one call may carry, and answers every one', async () => {
    const reads = batcher(1_000);
    const answers = await readAll(
      reads,
      Array.from({ length: 300 }, () => keysOf('acme', 'ann', 'x')),
    );
    expect(calls).toHaveBeenCalledTimes(3);
    expect(answers.map((a) => a?.count)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
  });

  it("runs each callback in its caller's async context, not the batch's", async () => {
    const context = new AsyncLocalStorage<number>();
    const reads = batcher(100);
    const seen = await Promise.all(
      [1, 2, 3].map((n) =>
        context.run(
          n,
          () =>
            new Promise<number | undefined>((resolve) =>
              reads.read(keysOf('acme', 'ann', 'a'), () => resolve(context.getStore())),
            ),
        ),
      ),
    );
    expect(calls).toHaveBeenCalledTimes(1);
    expect(seen).toEqual([1, 2, 3]);
  });

  it('answers the rest of the batch when one callback throws', async () => {
    const reads = batcher(100);
    const later = new Promise<CountedRead | undefined>((resolve) => {
      reads.read(keysOf('acme', 'ann', 'a'), () => {
        throw new Error('a broken caller');
      });
      reads.read(keysOf('acme', 'ann', 'a'), resolve);
    });
    expect(await later).toEqual({ count: 2, json: undefined });
  });

  it('answers every read with undefined when Redis is away, at once', async () => {
    const away = new Redis({
      port: await freePort(),
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
    });
    away.on('error', () => undefined);
    try {
      const reads = new CountedCacheReads(away, TTL_MS, 100);
      expect(await readAll(reads, [keysOf('acme', 'ann', 'a'), keysOf('globex', 'gus', 'b')])).toEqual([
        undefined,
        undefined,
      ]);
    } finally {
      away.disconnect();
    }
  });
});
