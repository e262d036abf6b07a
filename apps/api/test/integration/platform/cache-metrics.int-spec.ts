import { MetricsCatalogue } from '@qbm/observability';
import { CacheSizeSampler } from '../../../src/common/cache/cache-size.sampler';
import { bearer } from '../../setup/test-app';
import { useTestApp } from '../../setup/use-test-app';

async function value(metrics: MetricsCatalogue, name: string, labels: Record<string, string>): Promise<number> {
  const metric = (await metrics.registry.getMetricsAsJSON()).find((m) => m.name === name);
  const sample = metric?.values.find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l));
  return Number(sample?.value ?? Number.NaN);
}

describe('cache metrics', () => {
  const t = useTestApp();

  it('counts misses then hits, and sizes the cached entries per type', async () => {
    const metrics = t.app.get(MetricsCatalogue);
    const admin = bearer(t.token('acme', 'admin'));
    const { id } = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/objectives',
        headers: admin,
        payload: { name: 'Cached', type: 'value', priority: 2 },
      })
    ).json();

    const hits = await value(metrics, 'cache_hits_total', { cache_type: 'objectives' });
    const misses = await value(metrics, 'cache_misses_total', { cache_type: 'objectives' });
    for (let i = 0; i < 3; i += 1)
      await t.app.inject({ method: 'GET', url: `/api/v1/objectives/${id}`, headers: admin });
    expect(await value(metrics, 'cache_misses_total', { cache_type: 'objectives' })).toBe(misses + 1);
    expect(await value(metrics, 'cache_hits_total', { cache_type: 'objectives' })).toBe(hits + 2);

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
    expect(await value(metrics, 'cache_size_bytes', { cache_type: 'objectives' })).toBe(expected);
    expect(await value(metrics, 'cache_size_bytes', { cache_type: 'okrs' })).toBe(0);
  });
});
