import { useBearer, useTestApp } from '../../setup/use-test-app';
import { PageJson, RequirementJson, ValidationErrorJson, fieldsOf } from './requirement-json';

const URL = '/api/v1/decision-requirements';
type Page = PageJson<RequirementJson>;

describe('listing decision requirements', () => {
  const t = useTestApp();
  const ann = useBearer(t, 'acme', 'editor', 'ann');
  const bob = useBearer(t, 'acme', 'editor', 'bob');

  async function create(body: Record<string, unknown>, headers = ann): Promise<string> {
    const response = await t.app.inject({
      method: 'POST',
      url: URL,
      headers,
      payload: { type: 'tactical', category: 'ops', priority: 5, ...body },
    });
    expect(response.statusCode).toBe(201);
    return response.json<RequirementJson>().id;
  }

  async function titles(query: string): Promise<string[]> {
    const response = await t.app.inject({ method: 'GET', url: `${URL}?${query}`, headers: ann });
    expect(response.statusCode).toBe(200);
    return response
      .json<Page>()
      .data.map((r) => r.title)
      .sort();
  }

  it('filters by status, type, category, objective, requester and priority range', async () => {
    const objective = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/objectives',
        headers: ann,
        payload: { name: 'Grow', type: 'value', priority: 3 },
      })
    ).json<{ id: string }>().id;
    const a = await create({ title: 'A', type: 'strategic', category: 'finance', priority: 2, objectiveId: objective });
    await create({ title: 'B', type: 'emergency', requiredBy: '2026-02-01', category: 'security', priority: 9 });
    await create({ title: 'C', type: 'operational', priority: 5 }, bob);
    await t.app.inject({ method: 'POST', url: `${URL}/${a}/submit`, headers: ann });

    expect(await titles('status=submitted')).toEqual(['A']);
    expect(await titles('status=draft')).toEqual(['B', 'C']);
    expect(await titles('type=emergency')).toEqual(['B']);
    expect(await titles('category=security')).toEqual(['B']);
    expect(await titles(`objectiveId=${objective}`)).toEqual(['A']);
    expect(await titles('requester=bob')).toEqual(['C']);
    expect(await titles('priorityMin=5')).toEqual(['B', 'C']);
    expect(await titles('priorityMax=5')).toEqual(['A', 'C']);
    expect(await titles('priorityMin=3&priorityMax=6')).toEqual(['C']);
    expect(await titles('status=draft&requester=ann')).toEqual(['B']);
  });

  it('refuses bad filters with 400 naming them', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `${URL}?status=done&type=x&priorityMin=0&priorityMax=abc&objectiveId=1&sort=title&color=red`,
      headers: ann,
    });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.json<ValidationErrorJson>())).toEqual(
      expect.arrayContaining(['status', 'type', 'priorityMin', 'priorityMax', 'objectiveId', 'sort', 'color']),
    );
    const inverted = await t.app.inject({ method: 'GET', url: `${URL}?priorityMin=8&priorityMax=2`, headers: ann });
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json().details[0].field).toBe('priorityMin');
  });

  it('sorts by priority and code, and pages by offset and by cursor alike', async () => {
    for (let i = 1; i <= 7; i += 1) await create({ title: `R${i}`, priority: ((i * 3) % 10) + 1 });

    const byPriority = (
      await t.app.inject({ method: 'GET', url: `${URL}?sort=priority&order=desc&size=100`, headers: ann })
    ).json<Page>();
    const priorities = byPriority.data.map((r) => r.priority);
    expect(priorities).toEqual([...priorities].sort((x, y) => y - x));

    const first = (
      await t.app.inject({ method: 'GET', url: `${URL}?size=3&sort=code&order=asc`, headers: ann })
    ).json<Page>();
    expect(first.meta).toMatchObject({ page: 1, size: 3, total: 7 });
    expect(first.data.map((r) => r.title)).toEqual(['R1', 'R2', 'R3']);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `${URL}?size=3&sort=code&order=asc${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await t.app.inject({ method: 'GET', url, headers: ann })).json<Page>();
      seen.push(...page.data.map((r) => r.title));
      cursor = page.meta.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7']);

    const last = (
      await t.app.inject({ method: 'GET', url: `${URL}?size=3&page=3&sort=code&order=asc`, headers: ann })
    ).json<Page>();
    expect(last.data.map((r) => r.title)).toEqual(['R7']);
    expect(last.meta.nextCursor).toBeNull();

    const newestFirst = (await t.app.inject({ method: 'GET', url: `${URL}?size=2`, headers: ann })).json<Page>();
    expect(newestFirst.data.map((r) => r.title)).toEqual(['R7', 'R6']);

    const mismatched = await t.app.inject({
      method: 'GET',
      url: `${URL}?size=3&sort=priority&cursor=${first.meta.nextCursor}`,
      headers: ann,
    });
    expect(mismatched.json().code).toBe('PAGINATION.INVALID_CURSOR');
  });
});
