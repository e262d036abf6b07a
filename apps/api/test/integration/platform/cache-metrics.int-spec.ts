import { CacheMetrics } from '@qbm/observability';
import { CacheSizeSampler } from '../../../src/common/cache/cache-size.sampler';
import { bearer } from '../../setup/test-app';
import { useTestApp } from '../../setup/use-test-app';

type CacheSeries = 'cacheHits' | 'cacheMisses' | 'cacheSize';

async function value(metrics: CacheMetrics, series: CacheSeries, cacheType: string): Promise<number> {
  const sample = (await metrics[series].get()).values.find((v) => v.labels.cache_type === cacheType);
  return Number(sample?.value ?? Number.NaN);
}

describe('cache metrics', () => {
  const t = useTestApp();

  it('counts misses then hits, and sizes the cached entries per type', async () => {
    const metrics = t.app.get(CacheMetrics);
    const admin = bearer(t.token('acme', 'admin'));
    const { id } = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/objectives',
        headers: admin,
        payload: { name: 'Cached', type: 'value', priority: 2 },
      })
    ).json();

    const hits = await value(metrics, 'cacheHits', 'objectives');
    const misses = await value(metrics, 'cacheMisses', 'objectives');
    for (let i = 0; i < 3; i += 1)
      await t.app.inject({ method: 'GET', url: `/api/v1/objectives/${id}`, headers: admin });
    expect(await value(metrics, 'cacheMisses', 'objectives')).toBe(misses + 1);
    expect(await value(metrics, 'cacheHits', 'objectives')).toBe(hits + 2);

    await t.app.get(CacheSizeSampler).sample();
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await t.redis.scan(cursor, 'MATCH', 'qbm:c:objectives:*', 'COUNT', 100);
      keys.push(...batch);
      cursor = next;
    } while (cursor !== '0');
    expect(keys).toHaveLength(1);
    const expected = await t.redis.memory('USAGE', keys[0]!);
    expect(await value(metrics, 'cacheSize', 'objectives')).toBe(expected);
    expect(await value(metrics, 'cacheSize', 'okrs')).toBe(0);
  });
});

describe('cache size on scrape', () => {
  const t = useTestApp();

  it('samples the cache in the background when Prometheus scrapes', async () => {
    const admin = bearer(t.token('acme', 'admin'));
    const { id } = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/objectives',
        headers: admin,
        payload: { name: 'Sized', type: 'value', priority: 2 },
      })
    ).json();
    await t.app.inject({ method: 'GET', url: `/api/v1/objectives/${id}`, headers: admin });

    // Nothing else samples: the first scrape starts it, a later scrape shows the result.
    const sizeInScrape = async (): Promise<number> => {
      const body = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
      return Number(/^cache_size_bytes\{cache_type="objectives"\} (\d+)$/m.exec(body)?.[1] ?? Number.NaN);
    };
    let size = await sizeInScrape();
    const deadline = Date.now() + 5_000;
    while (size === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      size = await sizeInScrape();
    }
    expect(size).toBeGreaterThan(0);
  });
});
