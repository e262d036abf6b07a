import { CacheMetrics } from '@qbm/observability';
import { daysAgo, METRICS_URL, metricBody, MetricJson } from '../north-star-metrics/metric-fixtures';
import { keyResult, okrClient, OkrJson } from '../okrs/okr-fixtures';
import { useBearer, useTestApp } from '../../setup/use-test-app';

type CacheType = 'objectives' | 'metrics' | 'okrs';

interface ObjectiveJson {
  id: string;
  name: string;
  priority: number;
}

// Every kind of write, followed by reads of what it changed (fresh) and of what it did not (still a
// cache hit): invalidation is exactly as wide as the write.
describe('cache invalidation', () => {
  const t = useTestApp();
  const auth = useBearer(t, 'acme', 'admin');
  const api = okrClient(t, auth);

  async function counts(type: CacheType): Promise<{ hits: number; misses: number }> {
    const metrics = t.app.get(CacheMetrics);
    const of = async (series: 'cacheHits' | 'cacheMisses') =>
      (await metrics[series].get()).values.find((v) => v.labels.cache_type === type)?.value ?? 0;
    return { hits: await of('cacheHits'), misses: await of('cacheMisses') };
  }

  async function call<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) {
    const response = await t.app.inject({ method, url: `/api/v1${url}`, headers: auth, payload });
    if (response.statusCode >= 400 && method !== 'GET') throw new Error(`${method} ${url}: ${response.body}`);
    return {
      status: response.statusCode,
      body: response.statusCode < 300 && response.body.length > 0 ? response.json<T>() : undefined,
    };
  }
  const read = async <T>(url: string): Promise<T> => {
    const response = await call<T>('GET', url);
    if (response.status !== 200 || response.body === undefined) throw new Error(`GET ${url}: ${response.status}`);
    return response.body;
  };

  // Reads `urls` and expects every one to be a hit: nothing the write left alone was dropped.
  async function expectHits(type: CacheType, urls: string[]): Promise<void> {
    const before = await counts(type);
    for (const url of urls) await read(url);
    const after = await counts(type);
    expect({ hits: after.hits - before.hits, misses: after.misses - before.misses }).toEqual({
      hits: urls.length,
      misses: 0,
    });
  }

  // Reads `urls` twice: the first read after a write is a miss (the write dropped it), the second a hit.
  async function expectDroppedThenCached(type: CacheType, urls: string[]): Promise<void> {
    const before = await counts(type);
    for (const url of urls) await read(url);
    const middle = await counts(type);
    expect(middle.misses - before.misses).toBe(urls.length);
    await expectHits(type, urls);
  }

  describe('objectives', () => {
    it('a create drops only list pages; an update or delete drops its object and the lists', async () => {
      const create = (name: string) =>
        call<ObjectiveJson>('POST', '/objectives', { name, type: 'value', priority: 2 }).then((r) => r.body!);
      const a = await create('A');
      const b = await create('B');
      const list = '/objectives?sort=name&order=asc';
      const warm = [`/objectives/${a.id}`, `/objectives/${b.id}`, list];
      for (const url of warm) await read(url);
      await expectHits('objectives', warm);

      await create('C');
      await expectHits('objectives', [`/objectives/${a.id}`, `/objectives/${b.id}`]);
      expect((await read<{ data: ObjectiveJson[] }>(list)).data.map((o) => o.name)).toEqual(['A', 'B', 'C']);

      // A child's parent changes nothing in the parent's own view.
      await call('PATCH', `/objectives/${a.id}`, { name: 'A2', parentId: b.id });
      await expectHits('objectives', [`/objectives/${b.id}`]);
      expect((await read<ObjectiveJson>(`/objectives/${a.id}`)).name).toBe('A2');
      expect((await read<{ data: ObjectiveJson[] }>(list)).data.map((o) => o.name)).toEqual(['A2', 'B', 'C']);
      await expectHits('objectives', [`/objectives/${a.id}`, list]);

      await call('DELETE', `/objectives/${a.id}`);
      await expectHits('objectives', [`/objectives/${b.id}`]);
      expect((await call('GET', `/objectives/${a.id}`)).status).toBe(404);
      expect((await read<{ data: ObjectiveJson[] }>(list)).data.map((o) => o.name)).toEqual(['B', 'C']);
    });
  });

  describe('north-star metrics', () => {
    it('updates, ingested values and deletes drop their metric and the lists; a new primary drops the old one', async () => {
      const create = (body: Record<string, unknown>) =>
        call<MetricJson>('POST', '/north-star-metrics', metricBody(body)).then((r) => r.body!);
      const primary = await create({ name: 'Primary', isPrimary: true });
      const other = await create({ name: 'Other' });
      const bystander = await create({ name: 'Bystander' });
      const url = (m: MetricJson) => `${METRICS_URL.replace('/api/v1', '')}/${m.id}`;
      const list = '/north-star-metrics?sort=name&order=asc';
      for (const u of [url(primary), url(other), url(bystander), list]) await read(u);

      await call('PATCH', `/north-star-metrics/${other.id}`, { name: 'Other renamed' });
      await expectHits('metrics', [url(primary), url(bystander)]);
      expect((await read<MetricJson>(url(other))).name).toBe('Other renamed');
      await expectDroppedThenCached('metrics', [list]);

      await call('POST', `/north-star-metrics/${other.id}/values`, { values: [{ date: daysAgo(1), value: 150 }] });
      await expectHits('metrics', [url(primary), url(bystander)]);
      expect((await read<MetricJson>(url(other))).currentValue).toBe(150);
      expect((await read<{ data: MetricJson[] }>(list)).data.find((m) => m.id === other.id)?.currentValue).toBe(150);

      // Taking the primary flag changes the previous primary's view too, and nobody else's.
      await call('PATCH', `/north-star-metrics/${other.id}`, { isPrimary: true });
      await expectHits('metrics', [url(bystander)]);
      expect((await read<MetricJson>(url(primary))).isPrimary).toBe(false);
      expect((await read<MetricJson>(url(other))).isPrimary).toBe(true);
      const created = await create({ name: 'Newest primary', isPrimary: true });
      await expectHits('metrics', [url(primary), url(bystander)]);
      expect((await read<MetricJson>(url(other))).isPrimary).toBe(false);
      expect((await read<{ data: MetricJson[] }>(list)).data.filter((m) => m.isPrimary).map((m) => m.id)).toEqual([
        created.id,
      ]);

      await call('DELETE', `/north-star-metrics/${bystander.id}`);
      await expectHits('metrics', [url(primary)]);
      expect((await call('GET', url(bystander))).status).toBe(404);
      expect((await read<{ data: MetricJson[] }>(list)).data.map((m) => m.id)).not.toContain(bystander.id);
    });
  });

  describe('OKRs', () => {
    const okrUrls = (o: OkrJson) => [`/okrs/${o.id}`, `/okrs/${o.id}/key-results`];
    const krUrls = (id: string) => [`/key-results/${id}`, `/key-results/${id}/check-ins`];
    const list = '/okrs?sort=code&order=asc';

    it('a check-in drops its key result and the OKR it rolls up into, not its siblings or other OKRs', async () => {
      const target = await api.activeOkr([keyResult({ statement: 'One' }), keyResult({ statement: 'Two' })]);
      const bystander = await api.activeOkr([keyResult({ statement: 'Elsewhere' })]);
      const [checked, sibling] = target.keyResults.map((kr) => kr.id) as [string, string];
      const untouched = [...okrUrls(bystander), ...krUrls(sibling), ...krUrls(bystander.keyResults[0]!.id)];
      for (const u of [...okrUrls(target), ...krUrls(checked), ...untouched, list]) await read(u);

      await call('POST', `/key-results/${checked}/check-ins`, { value: 50, confidence: 0.8 });
      await expectHits('okrs', untouched);
      expect((await read<{ currentValue: number }>(`/key-results/${checked}`)).currentValue).toBe(50);
      expect((await read<{ data: unknown[] }>(`/key-results/${checked}/check-ins`)).data).toHaveLength(1);
      expect((await read<OkrJson>(`/okrs/${target.id}`)).progress).toBeCloseTo(0.25);
      const listed = await read<{ data: { id: string; progress: number }[] }>(`/okrs/${target.id}/key-results`);
      expect(listed.data.find((kr) => kr.id === checked)?.progress).toBeCloseTo(0.5);
      const page = await read<{ data: OkrJson[] }>(list);
      expect(page.data.find((o) => o.id === target.id)?.progress).toBeCloseTo(0.25);
    });

    it('key-result edits, additions and deletions drop the key result and its OKR only', async () => {
      const target = await api.activeOkr([keyResult({ statement: 'One' }), keyResult({ statement: 'Two' })]);
      const bystander = await api.activeOkr([keyResult({ statement: 'Elsewhere' })]);
      const [edited, sibling] = target.keyResults.map((kr) => kr.id) as [string, string];
      const untouched = [...okrUrls(bystander), ...krUrls(sibling)];
      for (const u of [...okrUrls(target), ...krUrls(edited), ...untouched, list]) await read(u);

      await call('PATCH', `/key-results/${edited}`, { statement: 'One, sharper', weight: 3 });
      await expectHits('okrs', untouched);
      expect((await read<{ statement: string }>(`/key-results/${edited}`)).statement).toBe('One, sharper');
      expect((await read<OkrJson>(`/okrs/${target.id}`)).keyResults.map((kr) => kr.weight)).toEqual([3, 1]);

      const added = await call<{ id: string }>('POST', `/okrs/${target.id}/key-results`, keyResult());
      await expectHits('okrs', untouched);
      expect((await read<{ data: unknown[] }>(`/okrs/${target.id}/key-results`)).data).toHaveLength(3);

      await call('DELETE', `/key-results/${added.body!.id}`);
      await expectHits('okrs', untouched);
      expect((await read<OkrJson>(`/okrs/${target.id}`)).keyResults).toHaveLength(2);
      expect((await call('GET', `/key-results/${added.body!.id}`)).status).toBe(404);
    });

    it('OKR edits, transitions, creations and deletions drop that OKR, its key results when they change, and lists', async () => {
      const target = await api.activeOkr([keyResult({ statement: 'One' })]);
      const bystander = await api.activeOkr([keyResult({ statement: 'Elsewhere' })]);
      const kr = target.keyResults[0]!.id;
      const untouched = [...okrUrls(bystander), ...krUrls(bystander.keyResults[0]!.id)];
      for (const u of [...okrUrls(target), ...krUrls(kr), ...untouched, list]) await read(u);

      await call('PATCH', `/okrs/${target.id}`, { objective: 'Renamed' });
      await expectHits('okrs', [...untouched, ...krUrls(kr)]);
      expect((await read<OkrJson>(`/okrs/${target.id}`)).objective).toBe('Renamed');
      expect((await read<{ data: OkrJson[] }>(list)).data.find((o) => o.id === target.id)?.objective).toBe('Renamed');

      const created = await api.createOkr();
      await expectHits('okrs', [...untouched, `/okrs/${target.id}`]);
      expect((await read<{ data: OkrJson[] }>(list)).data.map((o) => o.id)).toContain(created.json().id);

      // Failing an OKR fails its unfinished key results.
      await call('POST', `/okrs/${target.id}/fail`, {});
      await expectHits('okrs', untouched);
      expect((await read<OkrJson>(`/okrs/${target.id}`)).status).toBe('failed');
      expect((await read<{ status: string }>(`/key-results/${kr}`)).status).toBe('failed');

      // Deleting an OKR takes its key results and their check-ins with it.
      await read(`/key-results/${kr}`);
      await call('DELETE', `/okrs/${target.id}`);
      await expectHits('okrs', untouched);
      expect((await call('GET', `/okrs/${target.id}`)).status).toBe(404);
      expect((await call('GET', `/key-results/${kr}`)).status).toBe(404);
      expect((await read<{ data: OkrJson[] }>(list)).data.map((o) => o.id)).not.toContain(target.id);
    });
  });
});
