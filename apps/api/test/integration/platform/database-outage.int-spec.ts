import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { DependencyOutages } from '@qbm/observability';
import { freePort, PrivateRedis, TcpProxy, testDatabaseUrl, waitFor } from '@qbm/testing';
import { useBearer, useTestApp } from '../../setup/use-test-app';

interface ObjectiveJson {
  id: string;
  name: string;
}

interface ErrorJson {
  statusCode: number;
  code: string;
}

// Postgres is reached through a proxy the test stops and restarts; the shared server is never touched.
describe('when Postgres goes away', () => {
  let redis: PrivateRedis;
  let proxy: TcpProxy;
  const logDir = mkdtempSync(join(tmpdir(), 'qbm-db-outage-'));
  const errorLog = join(logDir, 'error.log');

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    proxy = new TcpProxy(await freePort(), 5432);
    await proxy.start();
  });
  const t = useTestApp({
    env: () => {
      const url = new URL(testDatabaseUrl('api'));
      url.port = String(proxy.port);
      // Only error lines reach the log, and error.log holds exactly those.
      return { DATABASE_URL: url.toString(), REDIS_URL: redis.url, LOG_LEVEL: 'error', LOG_DIR: logDir };
    },
  });
  const auth = useBearer(t, 'acme', 'admin');
  // The app is initialised but never listens, which is when Nest would stop buffering static loggers' lines.
  beforeAll(() => Logger.flush());
  afterAll(async () => {
    await proxy.stop();
    await redis.stop();
    rmSync(logDir, { recursive: true, force: true });
  });

  const errorLines = (): string[] =>
    existsSync(errorLog)
      ? readFileSync(errorLog, 'utf8')
          .split('\n')
          .filter((line) => line.length > 0)
      : [];

  // dependency_errors_total{dependency="database"}, summed over its reasons, as Prometheus scrapes it.
  async function databaseErrors(): Promise<number> {
    const body = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    const samples = body.matchAll(/^dependency_errors_total\{([^}]*)\} (\S+)$/gm);
    return [...samples]
      .filter((m) => (m[1] ?? '').includes('dependency="database"'))
      .reduce((sum, m) => sum + Number(m[2]), 0);
  }

  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: auth });
  const createObjective = (name: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/objectives',
      headers: auth,
      payload: { name, type: 'value', priority: 2 },
    });

  it('answers 503 DATABASE.UNAVAILABLE with Retry-After, serves cached reads marked stale, and recovers', async () => {
    const cached = (await createObjective('Cached before the outage')).json<ObjectiveJson>();
    const uncached = (await createObjective('Never read')).json<ObjectiveJson>();
    const listUrl = '/api/v1/objectives?sort=name&order=asc';
    expect((await get(`/api/v1/objectives/${cached.id}`)).statusCode).toBe(200);
    expect((await get(listUrl)).json<{ data: ObjectiveJson[] }>().data).toHaveLength(2);
    const linesBefore = errorLines().length;

    await proxy.stop();

    const miss = await get(`/api/v1/objectives/${uncached.id}`);
    expect(miss.statusCode).toBe(503);
    expect(miss.json<ErrorJson>()).toMatchObject({ statusCode: 503, code: 'DATABASE.UNAVAILABLE' });
    expect(miss.headers['retry-after']).toBe('5');
    expect(t.app.get(DependencyOutages).isDown('database')).toBe(true);

    const hit = await get(`/api/v1/objectives/${cached.id}`);
    expect(hit.statusCode).toBe(200);
    expect(hit.json<ObjectiveJson>().name).toBe('Cached before the outage');
    expect(hit.headers.warning).toBe('110 - "Response is Stale"');
    expect(hit.headers['x-cache']).toBe('stale');
    const list = await get(listUrl);
    expect(list.statusCode).toBe(200);
    expect(list.headers['x-cache']).toBe('stale');
    expect(list.json<{ data: ObjectiveJson[] }>().data.map((o) => o.name)).toEqual([
      'Cached before the outage',
      'Never read',
    ]);

    // Writes fail fast with the same coded 503.
    const write = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/objectives/${cached.id}`,
      headers: auth,
      payload: { priority: 9 },
    });
    expect(write.statusCode).toBe(503);
    expect(write.json<ErrorJson>().code).toBe('DATABASE.UNAVAILABLE');
    expect(write.headers['retry-after']).toBe('5');
    expect((await createObjective('During the outage')).statusCode).toBe(503);

    await proxy.start();

    // The first query that succeeds closes the outage; the cached answer is no longer labelled.
    const back = await waitFor(
      async () => {
        const response = await get(`/api/v1/objectives/${uncached.id}`);
        return response.statusCode === 200 ? response : undefined;
      },
      { timeoutMs: 15_000, what: 'reads answered by Postgres again' },
    );
    expect(back.json<ObjectiveJson>().name).toBe('Never read');
    expect(t.app.get(DependencyOutages).isDown('database')).toBe(false);
    const fresh = await get(`/api/v1/objectives/${cached.id}`);
    expect(fresh.statusCode).toBe(200);
    expect(fresh.headers.warning).toBeUndefined();
    expect(fresh.headers['x-cache']).toBeUndefined();
    expect((await createObjective('After the outage')).statusCode).toBe(201);

    // One error line for the whole outage, and it names the dependency.
    const added = errorLines().slice(linesBefore);
    expect(added).toHaveLength(1);
    expect(added[0]).toContain('database unavailable');
  });

  it('loses no acknowledged write and logs one error line however many requests fail', async () => {
    const acknowledged: string[] = [];
    const statuses = new Map<number, number>();
    let running = true;
    const writer = async (worker: number): Promise<void> => {
      for (let i = 0; running; i += 1) {
        const response = await createObjective(`Writer ${worker} #${i}`);
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        if (response.statusCode === 201) acknowledged.push(response.json<ObjectiveJson>().id);
        // An outage answer comes back at once; yield so the loop does not starve the proxy's sockets.
        else await new Promise((resolve) => setImmediate(resolve));
      }
    };
    const linesBefore = errorLines().length;
    const errorsBefore = await databaseErrors();
    const writers = [0, 1, 2, 3].map((worker) => writer(worker));

    await waitFor(() => acknowledged.length >= 10, { what: 'writes before the outage' });
    await proxy.stop();
    await waitFor(() => (statuses.get(503) ?? 0) >= 200, { timeoutMs: 20_000, what: '200 refused writes' });
    await proxy.start();
    const before = acknowledged.length;
    await waitFor(() => acknowledged.length >= before + 10, { timeoutMs: 15_000, what: 'writes after the outage' });
    running = false;
    await Promise.all(writers);

    // Only acknowledged or refused, never a 500.
    expect([...statuses.keys()].sort()).toEqual([201, 503]);
    expect(await databaseErrors()).toBeGreaterThanOrEqual(errorsBefore + (statuses.get(503) ?? 0));
    const stored = await t.dataSource.query<{ id: string }[]>(
      'SELECT id FROM strategic_objectives WHERE id = ANY($1::uuid[])',
      [acknowledged],
    );
    expect(stored).toHaveLength(acknowledged.length);

    const added = errorLines().slice(linesBefore);
    expect(added).toHaveLength(1);
    expect(added[0]).toContain('outage started');
  });
});
