import { HttpMetrics } from '@qbm/observability';
import { ObjectivesService } from '../../../src/modules/objectives/objectives.service';
import { bearer } from '../../setup/test-app';
import { useTestApp } from '../../setup/use-test-app';

const COMPARED_HEADERS = ['content-type', 'content-length', 'x-ratelimit-limit', 'warning', 'x-cache', 'retry-after'];

interface Answer {
  statusCode: number;
  body: string;
  headers: Record<string, unknown>;
}

interface Seen {
  status: number;
  body: string;
  headers: Record<string, unknown>;
}

// What a client can tell apart: status, body bytes and headers (the request id aside, fresh per request).
function seen(response: Answer): Seen {
  const headers = Object.fromEntries(COMPARED_HEADERS.map((name) => [name, response.headers[name]]));
  const body = response.body.replace(/"requestId":"[^"]+"/, '"requestId":"…"');
  return { status: response.statusCode, body, headers };
}

async function requestsCounted(metrics: HttpMetrics, endpoint: string, status: string): Promise<number> {
  const sample = (await metrics.apiRequestsTotal.get()).values.find(
    (v) => v.labels.endpoint === endpoint && v.labels.status === status && v.labels.method === 'GET',
  );
  return Number(sample?.value ?? 0);
}

// The same database and Redis behind two apps, one answering cache hits in its Fastify hook and one
// with that hook off: for every request the fast path may touch, a client sees the same answer.
describe('cached-read fast path', () => {
  const fast = useTestApp();
  const nest = useTestApp({ env: { CACHE_FAST_PATH: 'false' }, truncate: 'never' });

  async function both(url: string, headers: Record<string, string> = {}) {
    const viaNest = await nest.app.inject({ method: 'GET', url, headers });
    const viaFast = await fast.app.inject({ method: 'GET', url, headers });
    return { viaNest, viaFast };
  }

  async function createObjective(name: string, org = 'acme'): Promise<string> {
    const created = await fast.app.inject({
      method: 'POST',
      url: '/api/v1/objectives',
      headers: bearer(fast.token(org, 'admin')),
      payload: { name, type: 'value', priority: 2, description: 'Ünïcode – "quoted" \\ text' },
    });
    expect(created.statusCode).toBe(201);
    return created.json<{ id: string }>().id;
  }

  it('answers a hit by id and a list page from the hook, byte for byte as Nest does', async () => {
    const id = await createObjective('Grow');
    await createObjective('Keep');
    const viewer = bearer(fast.token('acme', 'viewer', 'vera'));
    const service = fast.app.get(ObjectivesService);
    for (const url of [`/api/v1/objectives/${id}`, '/api/v1/objectives?size=5&order=asc', '/api/v1/objectives']) {
      await nest.app.inject({ method: 'GET', url, headers: viewer }); // the miss fills the cache
      const get = jest.spyOn(service, 'get');
      const list = jest.spyOn(service, 'list');
      get.mockClear();
      list.mockClear();
      const { viaNest, viaFast } = await both(url, viewer);
      expect(get).not.toHaveBeenCalled();
      expect(list).not.toHaveBeenCalled();
      get.mockRestore();
      list.mockRestore();
      expect(viaFast.statusCode).toBe(200);
      expect(seen(viaFast)).toEqual(seen(viaNest));
      expect(viaFast.headers['x-request-id']).toEqual(expect.any(String));
      expect(Number(viaFast.headers['x-ratelimit-remaining'])).toBeGreaterThan(0);
    }
  });

  it('leaves refusals to Nest: no token, a bad token, another organisation, a bad id or query', async () => {
    const id = await createObjective('Private');
    const owner = bearer(fast.token('acme', 'viewer'));
    await fast.app.inject({ method: 'GET', url: `/api/v1/objectives/${id}`, headers: owner });
    const cases: [string, Record<string, string>, number][] = [
      [`/api/v1/objectives/${id}`, {}, 401],
      [`/api/v1/objectives/${id}`, { authorization: 'Bearer not.a.token' }, 401],
      [`/api/v1/objectives/${id}`, bearer(fast.token('globex', 'admin')), 404],
      ['/api/v1/objectives/not-a-uuid', owner, 400],
      ['/api/v1/objectives?size=0', owner, 400],
      ['/api/v1/objectives?size=5&bogus=1', owner, 400],
      ['/api/v1/objectives?q=%00', owner, 400],
      ['/api/v1/okrs?periodFrom=2026-02-01&periodTo=2026-01-01', owner, 400],
    ];
    for (const [url, headers, status] of cases) {
      // Twice: the second time an earlier answer could have been remembered.
      for (let round = 0; round < 2; round += 1) {
        const { viaNest, viaFast } = await both(url, headers);
        expect([url, viaFast.statusCode]).toEqual([url, status]);
        expect(seen(viaFast)).toEqual(seen(viaNest));
      }
    }
  });

  it('serves the write, not the cached entry, on the read after a write', async () => {
    const id = await createObjective('Before');
    const url = `/api/v1/objectives/${id}`;
    const viewer = bearer(fast.token('acme', 'viewer'));
    for (let i = 0; i < 2; i += 1) await fast.app.inject({ method: 'GET', url, headers: viewer });
    const patched = await fast.app.inject({
      method: 'PATCH',
      url,
      headers: bearer(fast.token('acme', 'editor')),
      payload: { name: 'After' },
    });
    expect(patched.statusCode).toBe(200);
    const read = await fast.app.inject({ method: 'GET', url, headers: viewer });
    expect(read.json()).toMatchObject({ name: 'After' });
    const page = await fast.app.inject({ method: 'GET', url: '/api/v1/objectives', headers: viewer });
    expect(page.json<{ data: { name: string }[] }>().data.map((o) => o.name)).toEqual(['After']);
  });

  it('answers concurrent requests that share one script call each with its own count, as Nest would', async () => {
    const id = await createObjective('Shared');
    const other = await createObjective('Not yet read');
    const url = `/api/v1/objectives/${id}`;
    const viewer = bearer(fast.token('acme', 'viewer', 'many'));
    // Away from a window's edge, so every request falls in one window.
    const intoWindow = Date.now() % 60_000;
    if (intoWindow > 55_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoWindow + 50));
    const first = await fast.app.inject({ method: 'GET', url, headers: viewer }); // fills the cache
    const limit = Number(first.headers['x-ratelimit-limit']);
    const calls = jest.spyOn(fast.redis as unknown as Record<string, () => unknown>, 'qbmCountedCacheReads');
    // 20 hits and a miss (handed on to Nest, which reads Postgres) in the same turns of the event loop.
    const urls = [...Array.from({ length: 20 }, () => url), `/api/v1/objectives/${other}`];
    const responses = await Promise.all(urls.map((u) => fast.app.inject({ method: 'GET', url: u, headers: viewer })));
    const callCount = calls.mock.calls.length;
    calls.mockRestore();
    expect(callCount).toBeLessThan(urls.length);
    expect(responses.map((r) => r.statusCode)).toEqual(urls.map(() => 200));
    expect(new Set(responses.slice(0, 20).map((r) => r.body))).toEqual(new Set([first.body]));
    expect(responses[20]!.json()).toMatchObject({ id: other, name: 'Not yet read' });
    // Every request counted once: the remaining counts are those of 22 requests one by one.
    const remaining = responses.map((r) => Number(r.headers['x-ratelimit-remaining'])).sort((a, b) => b - a);
    expect(remaining).toEqual(urls.map((_, i) => limit - 2 - i));
    expect(new Set(responses.map((r) => r.headers['x-request-id'])).size).toBe(urls.length);
  });

  it('counts a hook-answered request once in the HTTP metrics, under its route', async () => {
    const id = await createObjective('Counted');
    const url = `/api/v1/objectives/${id}`;
    const viewer = bearer(fast.token('acme', 'viewer'));
    await fast.app.inject({ method: 'GET', url, headers: viewer });
    const metrics = fast.app.get(HttpMetrics);
    const before = await requestsCounted(metrics, '/api/v1/objectives/:id', '200');
    for (let i = 0; i < 3; i += 1) await fast.app.inject({ method: 'GET', url, headers: viewer });
    expect(await requestsCounted(metrics, '/api/v1/objectives/:id', '200')).toBe(before + 3);
  });
});

describe('cached-read fast path and the rate limit', () => {
  const LIMIT = 4;
  const fast = useTestApp({ env: { RATE_LIMIT_PER_MINUTE: String(LIMIT) } });
  const nest = useTestApp({
    env: { RATE_LIMIT_PER_MINUTE: String(LIMIT), CACHE_FAST_PATH: 'false' },
    truncate: 'never',
  });

  async function run(t: typeof fast, url: string, subject: string): Promise<Answer[]> {
    const headers = bearer(t.token('acme', 'viewer', subject));
    const responses: Answer[] = [];
    for (let i = 0; i <= LIMIT; i += 1) responses.push(await t.app.inject({ method: 'GET', url, headers }));
    return responses;
  }

  it('counts each request once, hit or miss, and refuses the one past the limit as Nest does', async () => {
    // Away from a window's edge, so both bursts fall in one window.
    const intoWindow = Date.now() % 60_000;
    if (intoWindow > 55_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoWindow + 50));
    const created = await fast.app.inject({
      method: 'POST',
      url: '/api/v1/objectives',
      headers: bearer(fast.token('acme', 'admin', 'setup')),
      payload: { name: 'Limited', type: 'value', priority: 1 },
    });
    const url = `/api/v1/objectives/${created.json<{ id: string }>().id}`;
    const viaFast = await run(fast, url, 'fast-caller');
    const viaNest = await run(nest, url, 'nest-caller');
    const summary = (responses: Answer[]) => responses.map((r) => [r.statusCode, r.headers['x-ratelimit-remaining']]);
    expect(summary(viaFast)).toEqual([
      [200, '3'],
      [200, '2'],
      [200, '1'],
      [200, '0'],
      [429, '0'],
    ]);
    expect(summary(viaNest)).toEqual(summary(viaFast));
    const refused = (r: Answer) => ({
      ...seen(r),
      headers: { ...seen(r).headers, 'retry-after': 'n' },
    });
    expect(refused(viaFast[LIMIT]!)).toEqual(refused(viaNest[LIMIT]!));
  });
});
