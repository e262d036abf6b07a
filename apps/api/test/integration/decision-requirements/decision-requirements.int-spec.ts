import { bearer } from '../../setup/test-app';
import { useBearer, useTestApp } from '../../setup/use-test-app';
import { PageJson, RequirementJson, ValidationErrorJson, fieldsOf } from './requirement-json';

const URL = '/api/v1/decision-requirements';
const MISSING = '00000000-0000-4000-8000-000000000000';

describe('decision requirements API', () => {
  const t = useTestApp();
  const admin = useBearer(t, 'acme', 'admin', 'ann');

  function create(body: Record<string, unknown>, headers = admin) {
    return t.app.inject({
      method: 'POST',
      url: URL,
      headers,
      payload: { title: 'Pick a CRM', type: 'tactical', category: 'sales', priority: 5, ...body },
    });
  }

  async function objective(headers = admin): Promise<string> {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/objectives',
      headers,
      payload: { name: 'Grow', type: 'strategic_goal', priority: 5 },
    });
    return response.json<{ id: string }>().id;
  }

  it('creates, reads, updates and deletes a requirement', async () => {
    const objectiveId = await objective();
    const created = await create({
      title: 'Choose a data centre',
      description: 'EU only',
      type: 'strategic',
      category: 'infrastructure',
      objectiveId,
      requiredBy: '2026-09-30',
      priority: 8,
    });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toEqual({
      id: expect.any(String),
      code: `REQ-${new Date().getUTCFullYear()}-0001`,
      title: 'Choose a data centre',
      description: 'EU only',
      type: 'strategic',
      category: 'infrastructure',
      objectiveId,
      requester: 'ann',
      requiredBy: '2026-09-30',
      priority: 8,
      status: 'draft',
      approver: null,
      decisionReason: null,
      submittedAt: null,
      decidedAt: null,
      cancelledAt: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });

    const read = await t.app.inject({ method: 'GET', url: `${URL}/${body.id}`, headers: admin });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(body);

    const updated = await t.app.inject({
      method: 'PATCH',
      url: `${URL}/${body.id}`,
      headers: admin,
      payload: { priority: 9, objectiveId: null },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({
      priority: 9,
      objectiveId: null,
      title: 'Choose a data centre',
      code: body.code,
      requiredBy: '2026-09-30',
    });
    expect((await t.app.inject({ method: 'GET', url: `${URL}/${body.id}`, headers: admin })).json().priority).toBe(9);

    expect((await t.app.inject({ method: 'DELETE', url: `${URL}/${body.id}`, headers: admin })).statusCode).toBe(204);
    const gone = await t.app.inject({ method: 'GET', url: `${URL}/${body.id}`, headers: admin });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().code).toBe('DECISION_REQUIREMENT.NOT_FOUND');
    expect((await t.app.inject({ method: 'DELETE', url: `${URL}/${body.id}`, headers: admin })).statusCode).toBe(404);
  });

  it('defaults description to empty and optional links to null', async () => {
    const body = (await create({})).json();
    expect(body).toMatchObject({ description: '', objectiveId: null, requiredBy: null, status: 'draft' });
  });

  it('names every bad field and rejects unknown fields with 400', async () => {
    const response = await create({
      title: '',
      type: 'urgent',
      category: 'x'.repeat(61),
      priority: 0,
      requiredBy: '2026-02-30',
      objectiveId: 'nope',
      description: null,
      requester: 'me',
      status: 'approved',
    });
    expect(response.statusCode).toBe(400);
    const body = response.json<ValidationErrorJson>();
    expect(body.code).toBe('VALIDATION.FAILED');
    expect(fieldsOf(body)).toEqual(
      expect.arrayContaining([
        'title',
        'type',
        'category',
        'priority',
        'requiredBy',
        'objectiveId',
        'description',
        'requester',
        'status',
      ]),
    );
    expect(body.details.find((d) => d.field === 'requester')?.reason).toBe('unknown_field');

    const missing = await t.app.inject({ method: 'POST', url: URL, headers: admin, payload: {} });
    expect(fieldsOf(missing.json<ValidationErrorJson>())).toEqual(
      expect.arrayContaining(['title', 'type', 'category', 'priority']),
    );
  });

  it('refuses null for required fields on update and non-UUID ids', async () => {
    const { id } = (await create({})).json();
    const response = await t.app.inject({
      method: 'PATCH',
      url: `${URL}/${id}`,
      headers: admin,
      payload: { title: null, category: null, code: 'REQ-1' },
    });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.json<ValidationErrorJson>())).toEqual(
      expect.arrayContaining(['title', 'category', 'code']),
    );
    const badId = await t.app.inject({ method: 'GET', url: `${URL}/not-a-uuid`, headers: admin });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().details[0]).toMatchObject({ field: 'id', reason: 'isUuid' });
  });

  it('refuses an objective that does not exist in the organisation', async () => {
    const missing = await create({ objectiveId: MISSING });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().code).toBe('DECISION_REQUIREMENT.OBJECTIVE_NOT_FOUND');

    const foreign = await objective(bearer(t.token('globex', 'admin')));
    expect((await create({ objectiveId: foreign })).json().code).toBe('DECISION_REQUIREMENT.OBJECTIVE_NOT_FOUND');
    const { id } = (await create({})).json();
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `${URL}/${id}`,
      headers: admin,
      payload: { objectiveId: foreign },
    });
    expect(patch.statusCode).toBe(422);
    expect(patch.json().code).toBe('DECISION_REQUIREMENT.OBJECTIVE_NOT_FOUND');
  });

  it('requires a requiredBy date for emergencies, on create and on update', async () => {
    const response = await create({ type: 'emergency' });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'DECISION_REQUIREMENT.REQUIRED_BY_MISSING',
      details: { field: 'requiredBy' },
    });

    const emergency = (await create({ type: 'emergency', requiredBy: '2026-01-15' })).json();
    expect(emergency.type).toBe('emergency');
    const cleared = await t.app.inject({
      method: 'PATCH',
      url: `${URL}/${emergency.id}`,
      headers: admin,
      payload: { requiredBy: null },
    });
    expect(cleared.json().code).toBe('DECISION_REQUIREMENT.REQUIRED_BY_MISSING');
    const { id } = (await create({ type: 'operational' })).json();
    const escalated = await t.app.inject({
      method: 'PATCH',
      url: `${URL}/${id}`,
      headers: admin,
      payload: { type: 'emergency' },
    });
    expect(escalated.json().code).toBe('DECISION_REQUIREMENT.REQUIRED_BY_MISSING');
    const withDate = await t.app.inject({
      method: 'PATCH',
      url: `${URL}/${id}`,
      headers: admin,
      payload: { type: 'emergency', requiredBy: '2026-02-01' },
    });
    expect(withDate.statusCode).toBe(200);
  });

  it('refuses a token subject too long to record as requester', async () => {
    const response = await create({}, bearer(t.token('acme', 'editor', 's'.repeat(121))));
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('AUTH.TOKEN_INVALID');
    expect((await create({}, bearer(t.token('acme', 'editor', 's'.repeat(120))))).statusCode).toBe(201);
  });

  it('edits only drafts', async () => {
    const { id } = (await create({})).json();
    await t.app.inject({ method: 'POST', url: `${URL}/${id}/submit`, headers: admin });
    const response = await t.app.inject({
      method: 'PATCH',
      url: `${URL}/${id}`,
      headers: admin,
      payload: { title: 'Changed' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'DECISION_REQUIREMENT.NOT_EDITABLE',
      details: { status: 'submitted' },
    });
    expect((await t.app.inject({ method: 'GET', url: `${URL}/${id}`, headers: admin })).json().title).toBe(
      'Pick a CRM',
    );
  });

  it('enforces authentication and roles', async () => {
    expect((await t.app.inject({ method: 'GET', url: URL })).json().code).toBe('AUTH.TOKEN_MISSING');
    const viewer = bearer(t.token('acme', 'viewer'));
    const editor = bearer(t.token('acme', 'editor'));
    const { id } = (await create({}, editor)).json();
    expect((await t.app.inject({ method: 'GET', url: URL, headers: viewer })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `${URL}/${id}`, headers: viewer })).statusCode).toBe(200);

    const writes = [
      { method: 'POST' as const, url: URL, payload: { title: 'X', type: 'tactical', category: 'c', priority: 1 } },
      { method: 'PATCH' as const, url: `${URL}/${id}`, payload: { title: 'X' } },
      { method: 'POST' as const, url: `${URL}/${id}/submit` },
      { method: 'POST' as const, url: `${URL}/${id}/approve` },
      { method: 'POST' as const, url: `${URL}/${id}/reject`, payload: { reason: 'no' } },
      { method: 'POST' as const, url: `${URL}/${id}/cancel` },
      { method: 'DELETE' as const, url: `${URL}/${id}` },
    ];
    for (const write of writes) {
      const response = await t.app.inject({ ...write, headers: viewer });
      expect([write.method, write.url, response.statusCode, response.json().code]).toEqual([
        write.method,
        write.url,
        403,
        'AUTH.ROLE_INSUFFICIENT',
      ]);
    }
    const del = await t.app.inject({ method: 'DELETE', url: `${URL}/${id}`, headers: editor });
    expect(del.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `${URL}/${id}`, headers: viewer })).json().status).toBe('draft');
  });

  it("never shows or changes another organisation's requirements", async () => {
    const { id } = (await create({ title: 'Secret' })).json();
    const other = bearer(t.token('globex', 'admin', 'zed'));
    expect((await t.app.inject({ method: 'GET', url: `${URL}/${id}`, headers: other })).statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: URL, headers: other })).json<PageJson<RequirementJson>>().meta.total,
    ).toBe(0);
    expect(
      (await t.app.inject({ method: 'PATCH', url: `${URL}/${id}`, headers: other, payload: { title: 'Mine' } }))
        .statusCode,
    ).toBe(404);
    for (const action of ['submit', 'approve', 'cancel']) {
      expect((await t.app.inject({ method: 'POST', url: `${URL}/${id}/${action}`, headers: other })).statusCode).toBe(
        404,
      );
    }
    expect((await t.app.inject({ method: 'DELETE', url: `${URL}/${id}`, headers: other })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `${URL}/${id}`, headers: admin })).json()).toMatchObject({
      title: 'Secret',
      status: 'draft',
    });

    // Each organisation numbers its own requirements.
    expect((await create({}, other)).json().code).toMatch(/^REQ-\d{4}-0001$/);
  });
});
