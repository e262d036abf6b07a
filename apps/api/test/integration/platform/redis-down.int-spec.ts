import { CacheMetrics } from '@qbm/observability';
import { useBearer, useTestApp } from '../../setup/use-test-app';
import { PrivateRedis } from '@qbm/testing';

// Generous for a loaded two-core machine, but far below a hung request: commands time out after 500 ms.
const BOUNDED_MS = 3_000;

interface ObjectiveJson {
  id: string;
  name: string;
  priority: number;
}

describe('when Redis goes away', () => {
  let redis: PrivateRedis;

  // Started before the app and stopped after it: the hooks run in the order they are declared.
  beforeAll(async () => {
    redis = await PrivateRedis.start();
  });
  const t = useTestApp({ env: () => ({ REDIS_URL: redis.url }) });
  const auth = useBearer(t, 'acme', 'editor');
  afterAll(async () => {
    await redis.stop();
  });

  async function objectiveHits(): Promise<number> {
    const metric = await t.app.get(CacheMetrics).cacheHits.get();
    return metric.values.find((v) => v.labels.cache_type === 'objectives')?.value ?? 0;
  }

  // Every call must answer within the bound, whatever state Redis is in.
  async function call(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: Record<string, unknown>) {
    const started = Date.now();
    const response = await t.app.inject({ method, url, headers: auth, payload });
    expect(Date.now() - started).toBeLessThan(BOUNDED_MS);
    return response;
  }

  async function readObjective(id: string): Promise<ObjectiveJson> {
    const response = await call('GET', `/api/v1/objectives/${id}`);
    expect(response.statusCode).toBe(200);
    return response.json<ObjectiveJson>();
  }

  async function waitUntilReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (t.redis.status !== 'ready') {
      if (Date.now() > deadline)
        throw new Error(`the API's Redis client did not reconnect within ${timeoutMs} ms (${t.redis.status})`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('serves reads and writes uncached, then resumes caching without serving stale data', async () => {
    const created = await call('POST', '/api/v1/objectives', {
      name: 'Before the outage',
      type: 'vision',
      priority: 3,
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json<ObjectiveJson>();

    // Healthy: the second read is a cache hit.
    const hitsBefore = await objectiveHits();
    await readObjective(id);
    expect(await objectiveHits()).toBe(hitsBefore);
    expect(await readObjective(id)).toMatchObject({ name: 'Before the outage' });
    expect(await objectiveHits()).toBe(hitsBefore + 1);

    // The cached entry survives the restart, so a missed invalidation would show up as stale data.
    await redis.snapshot();
    await redis.kill();

    const down = await call('GET', `/api/v1/objectives/${id}`);
    expect(down.statusCode).toBe(200);
    expect(down.json<ObjectiveJson>()).toMatchObject({ name: 'Before the outage', priority: 3 });
    // The rate limiter falls back to a per-process window rather than failing or waving requests through.
    expect(down.headers['x-ratelimit-remaining']).toEqual(expect.any(String));
    const updated = await call('PATCH', `/api/v1/objectives/${id}`, {
      name: 'Renamed while Redis was down',
      priority: 9,
    });
    expect(updated.statusCode).toBe(200);
    expect(await readObjective(id)).toMatchObject({ name: 'Renamed while Redis was down', priority: 9 });
    const another = await call('POST', '/api/v1/objectives', {
      name: 'Created while Redis was down',
      type: 'value',
      priority: 1,
    });
    expect(another.statusCode).toBe(201);
    const list = await call('GET', '/api/v1/objectives?sort=name&order=asc');
    expect(list.statusCode).toBe(200);
    expect(list.json<{ data: ObjectiveJson[] }>().data.map((o) => o.name)).toEqual([
      'Created while Redis was down',
      'Renamed while Redis was down',
    ]);
    const requirement = await call('POST', '/api/v1/decision-requirements', {
      title: 'Fallback',
      type: 'tactical',
      category: 'ops',
      priority: 2,
    });
    expect(requirement.statusCode).toBe(201);

    await redis.restart();
    await waitUntilReady(10_000);

    // Not the entry cached before the outage, and cached again from here on.
    expect(await readObjective(id)).toMatchObject({ name: 'Renamed while Redis was down', priority: 9 });
    const hitsAfter = await objectiveHits();
    expect(await readObjective(id)).toMatchObject({ name: 'Renamed while Redis was down' });
    expect(await objectiveHits()).toBe(hitsAfter + 1);

    // And invalidation works again.
    expect((await call('PATCH', `/api/v1/objectives/${id}`, { priority: 4 })).statusCode).toBe(200);
    expect((await readObjective(id)).priority).toBe(4);
  });
});
