import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { ids, keyResult, okr, useOkrApi } from './okr-fixtures';

describe('OKR reads', () => {
  const { t, admin, api } = useOkrApi();
  afterEach(() => jest.restoreAllMocks());

  const list = async (query: string) => (await api.listOkrs(query)).json();

  it('reads an OKR with its key results, oldest first, in one query', async () => {
    const { id } = (
      await api.createOkr(okr({ keyResults: [keyResult({ statement: 'A' }), keyResult({ statement: 'B' })] }))
    ).json();
    await api.addKeyResult(id, keyResult({ statement: 'C' }));

    const queries: string[] = [];
    const original = PostgresQueryRunner.prototype.query;
    jest.spyOn(PostgresQueryRunner.prototype, 'query').mockImplementation(function (
      this: PostgresQueryRunner,
      ...args: Parameters<PostgresQueryRunner['query']>
    ) {
      queries.push(args[0]);
      return original.apply(this, args);
    });
    const response = await api.getOkr(id);
    expect(response.statusCode).toBe(200);
    expect(response.json().keyResults.map((kr) => kr.statement)).toEqual(['A', 'B', 'C']);
    expect(queries).toHaveLength(1);
    expect(queries[0]).toMatch(/LEFT JOIN "key_results"/);

    // The second read is served from the cache.
    queries.length = 0;
    expect((await api.getOkr(id)).json().keyResults).toHaveLength(3);
    expect(queries).toHaveLength(0);
  });

  it('lists OKRs without key results and filters them', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/objectives',
      headers: admin,
      payload: { name: 'S', type: 'value', priority: 1 },
    });
    const strategic = created.json<{ id: string }>().id;
    const q1 = (await api.createOkr(okr({ strategicObjectiveId: strategic, keyResults: [keyResult()] }))).json();
    const q2 = (
      await api.createOkr(okr({ periodStart: '2026-04-01', periodEnd: '2026-06-30', parentOkrId: q1.id, owner: 'cto' }))
    ).json();
    const year = (
      await api.createOkr(okr({ periodType: 'annual', periodStart: '2025-07-01', periodEnd: '2026-06-30' }))
    ).json();
    const custom = (
      await api.createOkr(okr({ periodType: 'custom', periodStart: '2026-08-15', periodEnd: '2026-09-15' }))
    ).json();
    await api.action(q1.id, 'activate');

    const all = await list('sort=createdAt&order=asc');
    expect(ids(all)).toEqual([q1.id, q2.id, year.id, custom.id]);
    expect(all.data[0]).not.toHaveProperty('keyResults');
    expect(all.data[0]).toMatchObject({ code: 'OKR-2026Q1-001', status: 'active' });

    expect(ids(await list('status=active'))).toEqual([q1.id]);
    expect(ids(await list('periodType=annual'))).toEqual([year.id]);
    expect(ids(await list(`strategicObjectiveId=${strategic}`))).toEqual([q1.id]);
    expect(ids(await list(`parentOkrId=${q1.id}`))).toEqual([q2.id]);
    expect(ids(await list('parentOkrId=root&sort=createdAt&order=asc'))).toEqual([q1.id, year.id, custom.id]);
    expect(ids(await list('owner=cto'))).toEqual([q2.id]);
    // Overlap: a period counts when any day of it falls in the range.
    expect(ids(await list('periodFrom=2026-03-31&periodTo=2026-04-01&sort=createdAt&order=asc'))).toEqual([
      q1.id,
      q2.id,
      year.id,
    ]);
    expect(ids(await list('periodFrom=2026-07-01&sort=createdAt&order=asc'))).toEqual([custom.id]);
    expect(ids(await list('periodTo=2025-12-31'))).toEqual([year.id]);

    const inverted = await api.listOkrs('periodFrom=2026-05-01&periodTo=2026-04-01');
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json().details[0]?.field).toBe('periodTo');
    const bad = await api.listOkrs(
      'status=done&periodType=weekly&periodFrom=yesterday&strategicObjectiveId=x&sort=owner',
    );
    expect(bad.json().details.map((d) => d.field)).toEqual(
      expect.arrayContaining(['status', 'periodType', 'periodFrom', 'strategicObjectiveId', 'sort']),
    );
  });

  it('sorts by code, periodStart and progress, and pages by offset and cursor alike', async () => {
    const periods = [
      ['2026-01-01', '2026-03-31'],
      ['2026-04-01', '2026-06-30'],
      ['2026-07-01', '2026-09-30'],
      ['2026-10-01', '2026-12-31'],
      ['2026-01-01', '2026-03-31'],
    ];
    for (const [i, [periodStart, periodEnd]] of periods.entries()) {
      await api.createOkr(okr({ periodStart, periodEnd, keyResults: [keyResult({ currentValue: i * 20 })] }));
    }
    const byCode = await list('sort=code&order=asc');
    expect(byCode.data.map((o) => o.code)).toEqual([
      'OKR-2026Q1-001',
      'OKR-2026Q1-002',
      'OKR-2026Q2-001',
      'OKR-2026Q3-001',
      'OKR-2026Q4-001',
    ]);
    expect((await list('sort=progress&order=desc')).data.map((o) => o.progress)).toEqual([0.8, 0.6, 0.4, 0.2, 0]);
    expect((await list('sort=periodStart&order=desc&size=1')).data[0]?.periodStart).toBe('2026-10-01');

    const offset = await list('sort=periodStart&order=asc&size=2&page=2');
    expect(offset.meta).toMatchObject({ page: 2, size: 2, total: 5 });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(`sort=periodStart&order=asc&size=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...ids(page));
      cursor = page.meta.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids(await list('sort=periodStart&order=asc&size=10')));
    expect(seen.slice(2, 4)).toEqual(ids(offset));
  });

  it('describes every OKR, key result and check-in route in the OpenAPI document', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/docs-json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations).toEqual(
      expect.arrayContaining([
        'POST /api/v1/okrs',
        'GET /api/v1/okrs',
        'GET /api/v1/okrs/{id}',
        'PATCH /api/v1/okrs/{id}',
        'DELETE /api/v1/okrs/{id}',
        'POST /api/v1/okrs/{id}/activate',
        'POST /api/v1/okrs/{id}/complete',
        'POST /api/v1/okrs/{id}/fail',
        'POST /api/v1/okrs/{id}/cancel',
        'POST /api/v1/okrs/{id}/key-results',
        'GET /api/v1/okrs/{id}/key-results',
        'GET /api/v1/key-results/{id}',
        'PATCH /api/v1/key-results/{id}',
        'DELETE /api/v1/key-results/{id}',
        'POST /api/v1/key-results/{id}/check-ins',
        'GET /api/v1/key-results/{id}/check-ins',
      ]),
    );
  });
});
