import { bearer } from '../../setup/test-app';
import { useBearer, useTestApp } from '../../setup/use-test-app';

describe('objectives API', () => {
  const t = useTestApp();
  const admin = useBearer(t, 'acme', 'admin');

  async function create(body: Record<string, unknown>, headers: Record<string, string> = admin) {
    return t.app.inject({ method: 'POST', url: '/api/v1/objectives', headers, payload: body });
  }

  it('creates, reads, updates and deletes an objective', async () => {
    const created = await create({
      name: 'Win the mid-market',
      type: 'strategic_goal',
      priority: 8,
      startDate: '2026-01-01',
      targetDate: '2026-12-31',
    });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      name: 'Win the mid-market',
      type: 'strategic_goal',
      priority: 8,
      status: 'active',
      parentId: null,
    });

    const read = await t.app.inject({ method: 'GET', url: `/api/v1/objectives/${body.id}`, headers: admin });
    expect(read.json()).toEqual(body);

    const updated = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/objectives/${body.id}`,
      headers: admin,
      payload: { status: 'completed' },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().completionDate).toBe(new Date().toISOString().slice(0, 10));

    // The cached read reflects the write.
    const reread = await t.app.inject({ method: 'GET', url: `/api/v1/objectives/${body.id}`, headers: admin });
    expect(reread.json().status).toBe('completed');

    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/v1/objectives/${body.id}`, headers: admin })).statusCode,
    ).toBe(204);
    const gone = await t.app.inject({ method: 'GET', url: `/api/v1/objectives/${body.id}`, headers: admin });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().code).toBe('OBJECTIVE.NOT_FOUND');
  });

  it('names every bad field and rejects unknown fields with 400', async () => {
    const response = await create({ name: '', type: 'dream', priority: 11, startDate: '2026-02-30', owner: 'me' });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('VALIDATION.FAILED');
    expect(body.requestId).toEqual(expect.any(String));
    expect(response.headers['x-request-id']).toBe(body.requestId);
    const fields = body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'type', 'priority', 'startDate', 'owner']));
    expect(body.details.find((d: { field: string }) => d.field === 'owner').reason).toBe('unknown_field');
  });

  it("keeps a gateway's request id on the response and in the error body", async () => {
    const response = await create({ name: '' }, { ...admin, 'x-request-id': 'gateway-req-0001' });
    expect(response.headers['x-request-id']).toBe('gateway-req-0001');
    expect(response.json().requestId).toBe('gateway-req-0001');
  });

  it('refuses null for a required field on update', async () => {
    const { id } = (await create({ name: 'A', type: 'vision', priority: 3 })).json();
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/objectives/${id}`,
      headers: admin,
      payload: { name: null },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().details[0].field).toBe('name');
  });

  it('rejects malformed JSON and non-UUID ids with 400, never 500', async () => {
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/objectives',
      headers: { ...admin, 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(broken.statusCode).toBe(400);
    const badId = await t.app.inject({ method: 'GET', url: '/api/v1/objectives/not-a-uuid', headers: admin });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().details[0]).toMatchObject({ field: 'id', reason: 'isUuid' });
  });

  it('keeps the tree acyclic and refuses deleting a parent', async () => {
    const root = (await create({ name: 'Mission', type: 'mission', priority: 10 })).json();
    const child = (await create({ name: 'Goal', type: 'strategic_goal', priority: 5, parentId: root.id })).json();
    const grandchild = (
      await create({ name: 'Sub goal', type: 'strategic_goal', priority: 4, parentId: child.id })
    ).json();

    const cycle = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/objectives/${root.id}`,
      headers: admin,
      payload: { parentId: grandchild.id },
    });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().code).toBe('OBJECTIVE.PARENT_CYCLE');
    const self = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/objectives/${root.id}`,
      headers: admin,
      payload: { parentId: root.id },
    });
    expect(self.json().code).toBe('OBJECTIVE.PARENT_CYCLE');

    const missingParent = await create({
      name: 'Orphan',
      type: 'value',
      priority: 1,
      parentId: '00000000-0000-4000-8000-000000000000',
    });
    expect(missingParent.statusCode).toBe(422);
    expect(missingParent.json().code).toBe('OBJECTIVE.PARENT_NOT_FOUND');

    const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/objectives/${child.id}`, headers: admin });
    expect(del.statusCode).toBe(409);
    expect(del.json().code).toBe('OBJECTIVE.HAS_CHILDREN');

    const roots = await t.app.inject({ method: 'GET', url: '/api/v1/objectives?parentId=root', headers: admin });
    expect(roots.json().data.map((o: { id: string }) => o.id)).toEqual([root.id]);
  });

  it('refuses dates out of order with 422', async () => {
    const response = await create({
      name: 'Late',
      type: 'vision',
      priority: 2,
      startDate: '2026-06-01',
      targetDate: '2026-01-01',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('OBJECTIVE.DATES_OUT_OF_ORDER');
  });

  it('pages by offset and by cursor with the same order', async () => {
    for (let i = 1; i <= 7; i += 1) await create({ name: `Objective ${i}`, type: 'value', priority: (i % 10) + 1 });
    const first = (
      await t.app.inject({ method: 'GET', url: '/api/v1/objectives?size=3&sort=name&order=asc', headers: admin })
    ).json();
    expect(first.meta).toMatchObject({ page: 1, size: 3, total: 7 });
    expect(first.data.map((o: { name: string }) => o.name)).toEqual(['Objective 1', 'Objective 2', 'Objective 3']);

    const names: string[] = [];
    let cursor: string | null = null;
    let url = '/api/v1/objectives?size=3&sort=name&order=asc';
    do {
      const page: { data: Array<{ name: string }>; meta: { nextCursor: string | null } } = (
        await t.app.inject({ method: 'GET', url: cursor ? `${url}&cursor=${cursor}` : url, headers: admin })
      ).json();
      names.push(...page.data.map((o: { name: string }) => o.name));
      cursor = page.meta.nextCursor;
    } while (cursor);
    expect(names).toEqual([1, 2, 3, 4, 5, 6, 7].map((i) => `Objective ${i}`));

    const page3 = (
      await t.app.inject({ method: 'GET', url: '/api/v1/objectives?size=3&page=3&sort=name&order=asc', headers: admin })
    ).json();
    expect(page3.data.map((o: { name: string }) => o.name)).toEqual(['Objective 7']);
    expect(page3.meta.nextCursor).toBeNull();

    const mismatched = await t.app.inject({
      method: 'GET',
      url: `/api/v1/objectives?size=3&sort=priority&cursor=${first.meta.nextCursor}`,
      headers: admin,
    });
    expect(mismatched.statusCode).toBe(400);
    expect(mismatched.json().code).toBe('PAGINATION.INVALID_CURSOR');
    url = '/api/v1/objectives?sort=owner';
    expect((await t.app.inject({ method: 'GET', url, headers: admin })).statusCode).toBe(400);
  });

  it('filters lists by type, status and name', async () => {
    await create({ name: 'Grow revenue', type: 'strategic_goal', priority: 5 });
    await create({ name: 'Integrity', type: 'value', priority: 5, status: 'archived' });
    const byType = (await t.app.inject({ method: 'GET', url: '/api/v1/objectives?type=value', headers: admin })).json();
    expect(byType.data.map((o: { name: string }) => o.name)).toEqual(['Integrity']);
    const byStatus = (
      await t.app.inject({ method: 'GET', url: '/api/v1/objectives?status=active', headers: admin })
    ).json();
    expect(byStatus.data.map((o: { name: string }) => o.name)).toEqual(['Grow revenue']);
    const byName = (await t.app.inject({ method: 'GET', url: '/api/v1/objectives?q=REVEN', headers: admin })).json();
    expect(byName.meta.total).toBe(1);
  });

  it('enforces authentication and roles', async () => {
    const none = await t.app.inject({ method: 'GET', url: '/api/v1/objectives' });
    expect(none.statusCode).toBe(401);
    expect(none.json().code).toBe('AUTH.TOKEN_MISSING');
    const garbage = await t.app.inject({ method: 'GET', url: '/api/v1/objectives', headers: bearer('abc.def.ghi') });
    expect(garbage.json().code).toBe('AUTH.TOKEN_INVALID');

    const viewer = bearer(t.token('acme', 'viewer'));
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/objectives', headers: viewer })).statusCode).toBe(200);
    const write = await create({ name: 'X', type: 'value', priority: 1 }, viewer);
    expect(write.statusCode).toBe(403);
    expect(write.json().code).toBe('AUTH.ROLE_INSUFFICIENT');

    const editor = bearer(t.token('acme', 'editor'));
    const { id } = (await create({ name: 'X', type: 'value', priority: 1 }, editor)).json();
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/v1/objectives/${id}`, headers: editor })).statusCode,
    ).toBe(403);
  });

  it("never shows or changes another organisation's objectives", async () => {
    const { id } = (await create({ name: 'Secret plan', type: 'vision', priority: 9 })).json();
    const other = bearer(t.token('globex', 'admin'));
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/objectives/${id}`, headers: other })).statusCode).toBe(
      404,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/objectives', headers: other })).json().meta.total).toBe(
      0,
    );
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: `/api/v1/objectives/${id}`,
          headers: other,
          payload: { name: 'Mine' },
        })
      ).statusCode,
    ).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/objectives/${id}`, headers: other })).statusCode).toBe(
      404,
    );
    const child = await create({ name: 'Hijack', type: 'value', priority: 1, parentId: id }, other);
    expect(child.json().code).toBe('OBJECTIVE.PARENT_NOT_FOUND');
  });
});
