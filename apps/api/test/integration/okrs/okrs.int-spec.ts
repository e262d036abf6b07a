import { bearer } from '../../setup/test-app';
import { Body, MISSING_ID, keyResult, okr, okrClient, useOkrApi } from './okr-fixtures';

describe('OKRs API', () => {
  const { t, admin, api } = useOkrApi();

  async function objective(): Promise<string> {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/objectives',
      headers: admin,
      payload: { name: 'Grow', type: 'strategic_goal', priority: 5 },
    });
    return response.json<{ id: string }>().id;
  }

  it('creates an OKR with its key results in draft, and reads it back', async () => {
    const strategicObjectiveId = await objective();
    const created = await api.createOkr(
      okr({
        strategicObjectiveId,
        keyResults: [
          keyResult({ statement: 'First', weight: 3, currentValue: 50 }),
          keyResult({ statement: 'Second', baselineValue: 10, targetValue: 0 }),
        ],
      }),
    );
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      code: 'OKR-2026Q1-001',
      objective: 'Make onboarding effortless',
      strategicObjectiveId,
      parentOkrId: null,
      periodType: 'quarterly',
      periodStart: '2026-01-01',
      periodEnd: '2026-03-31',
      owner: 'vp-customer',
      status: 'draft',
      finalScore: null,
      closedAt: null,
    });
    expect(body.progress).toBeCloseTo(0.375, 10);
    expect(body.keyResults.map((kr) => kr.statement)).toEqual(['First', 'Second']);
    expect(body.keyResults[0]).toMatchObject({
      okrId: body.id,
      type: 'metric',
      weight: 3,
      currentValue: 50,
      progress: 0.5,
      status: 'not_started',
      unit: '',
      dueDate: null,
    });
    expect(body.keyResults[1]).toMatchObject({ weight: 1, currentValue: 10, progress: 0 });

    const read = await api.getOkr(body.id);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(body);
  });

  it('numbers codes per quarter of the period start', async () => {
    const periods: Body[] = [
      { periodStart: '2026-01-01', periodEnd: '2026-03-31' },
      { periodStart: '2026-01-01', periodEnd: '2026-03-31' },
      { periodStart: '2026-04-01', periodEnd: '2026-06-30' },
      { periodType: 'annual', periodStart: '2026-01-01', periodEnd: '2026-12-31' },
    ];
    const codes: string[] = [];
    for (const period of periods) codes.push((await api.createOkr(okr(period))).json().code);
    expect(codes).toEqual(['OKR-2026Q1-001', 'OKR-2026Q1-002', 'OKR-2026Q2-001', 'OKR-2026Q1-003']);
  });

  it('names every bad field with 400, nested key results included', async () => {
    const response = await api.createOkr({
      objective: '',
      periodType: 'monthly',
      periodStart: '2026-02-30',
      periodEnd: 'soon',
      owner: 'x',
      status: 'active',
      keyResults: [keyResult({ type: 'vibe', baselineValue: 'zero', extra: 1 })],
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('VALIDATION.FAILED');
    expect(body.details.map((d) => d.field)).toEqual(
      expect.arrayContaining([
        'objective',
        'periodType',
        'periodStart',
        'periodEnd',
        'status',
        'keyResults.0.type',
        'keyResults.0.baselineValue',
        'keyResults.0.extra',
      ]),
    );
    expect(await t.dataSource.query('SELECT 1 FROM okrs')).toHaveLength(0);
  });

  it('refuses broken domain rules with 422 and writes nothing', async () => {
    const cases: Array<[Body, string]> = [
      [okr({ periodEnd: '2025-12-31' }), 'OKR.PERIOD_INVALID'],
      [okr({ periodStart: '2026-02-01', periodEnd: '2026-04-30' }), 'OKR.PERIOD_INVALID'],
      [okr({ strategicObjectiveId: MISSING_ID }), 'OKR.STRATEGIC_OBJECTIVE_NOT_FOUND'],
      [okr({ parentOkrId: MISSING_ID }), 'OKR.PARENT_NOT_FOUND'],
      [okr({ keyResults: [keyResult(), keyResult({ targetValue: 0 })] }), 'KEY_RESULT.TARGET_EQUALS_BASELINE'],
      [okr({ keyResults: [keyResult({ weight: 0 })] }), 'KEY_RESULT.WEIGHT_OUT_OF_RANGE'],
      [okr({ keyResults: [keyResult({ weight: 101 })] }), 'KEY_RESULT.WEIGHT_OUT_OF_RANGE'],
    ];
    for (const [body, code] of cases) {
      const response = await api.createOkr(body);
      expect({ status: response.statusCode, code: response.json().code }).toEqual({ status: 422, code });
    }
    const period = await api.createOkr(okr({ periodEnd: '2025-12-31' }));
    expect(period.json().details).toMatchObject({
      periodType: 'quarterly',
      periodStart: '2026-01-01',
      periodEnd: '2025-12-31',
    });
    expect((await api.createOkr(okr({ keyResults: [keyResult(), keyResult({ weight: 0 })] }))).json().details).toEqual({
      weight: 0,
      index: 1,
    });
    expect(await t.dataSource.query('SELECT 1 FROM okrs UNION ALL SELECT 1 FROM key_results')).toHaveLength(0);
  });

  it('updates text, owner, dates and links, but not status or code', async () => {
    const parent = (await api.createOkr()).json();
    const { id } = (await api.createOkr(okr({ keyResults: [keyResult()] }))).json();
    const strategicObjectiveId = await objective();
    const patched = await api.patchOkr(id, {
      objective: 'Onboard in a day',
      owner: 'coo',
      parentOkrId: parent.id,
      strategicObjectiveId,
      periodStart: '2026-04-01',
      periodEnd: '2026-06-30',
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      objective: 'Onboard in a day',
      owner: 'coo',
      parentOkrId: parent.id,
      strategicObjectiveId,
      periodStart: '2026-04-01',
      code: 'OKR-2026Q1-002',
    });
    expect(patched.json().keyResults).toHaveLength(1);

    const cleared = await api.patchOkr(id, { parentOkrId: null, strategicObjectiveId: null });
    expect(cleared.json()).toMatchObject({ parentOkrId: null, strategicObjectiveId: null });

    expect((await api.patchOkr(id, { status: 'active' })).json().details[0]).toMatchObject({
      field: 'status',
      reason: 'unknown_field',
    });
    expect((await api.patchOkr(id, { objective: null })).statusCode).toBe(400);
    expect((await api.patchOkr(id, { periodEnd: '2026-05-31' })).json().code).toBe('OKR.PERIOD_INVALID');
    expect((await api.patchOkr(id, { keyResults: [] })).statusCode).toBe(400);
    expect((await api.patchOkr(id, { strategicObjectiveId: MISSING_ID })).json().code).toBe(
      'OKR.STRATEGIC_OBJECTIVE_NOT_FOUND',
    );
    expect((await api.getOkr(id)).json()).toMatchObject({
      objective: 'Onboard in a day',
      periodEnd: '2026-06-30',
      strategicObjectiveId: null,
    });
  });

  it('keeps the OKR tree acyclic', async () => {
    const a = (await api.createOkr()).json();
    const b = (await api.createOkr(okr({ parentOkrId: a.id }))).json();
    const c = (await api.createOkr(okr({ parentOkrId: b.id }))).json();
    const cycle = await api.patchOkr(a.id, { parentOkrId: c.id });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().code).toBe('OKR.PARENT_CYCLE');
    expect((await api.patchOkr(a.id, { parentOkrId: a.id })).json().code).toBe('OKR.PARENT_CYCLE');
    expect((await api.patchOkr(c.id, { parentOkrId: a.id })).statusCode).toBe(200);
  });

  it('deletes an OKR with its key results and check-ins, but not one with children', async () => {
    const parent = await api.activeOkr([keyResult(), keyResult()]);
    const krId = parent.keyResults[0]!.id;
    expect((await api.checkIn(krId, { value: 10, confidence: 0.8 })).statusCode).toBe(201);
    const child = (await api.createOkr(okr({ parentOkrId: parent.id }))).json();

    const refused = await api.deleteOkr(parent.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('OKR.HAS_CHILDREN');

    expect((await api.deleteOkr(child.id)).statusCode).toBe(204);
    expect((await api.deleteOkr(parent.id)).statusCode).toBe(204);
    expect((await api.getOkr(parent.id)).statusCode).toBe(404);
    expect((await api.getKeyResult(krId)).statusCode).toBe(404);
    expect(
      await t.dataSource.query('SELECT 1 FROM key_results UNION ALL SELECT 1 FROM key_result_check_ins'),
    ).toHaveLength(0);
    expect((await api.deleteOkr(parent.id)).json().code).toBe('OKR.NOT_FOUND');
  });

  it('enforces authentication and roles', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/okrs' })).json<{ code: string }>().code).toBe(
      'AUTH.TOKEN_MISSING',
    );
    const viewer = bearer(t.token('acme', 'viewer'));
    const editor = bearer(t.token('acme', 'editor'));
    expect((await api.listOkrs('', viewer)).statusCode).toBe(200);
    const write = await api.createOkr(okr(), viewer);
    expect(write.statusCode).toBe(403);
    expect(write.json().code).toBe('AUTH.ROLE_INSUFFICIENT');
    const { id } = (await api.createOkr(okr({ keyResults: [keyResult()] }), editor)).json();
    expect((await api.patchOkr(id, { owner: 'v' }, viewer)).statusCode).toBe(403);
    expect((await api.action(id, 'activate', viewer)).statusCode).toBe(403);
    expect((await api.action(id, 'activate', editor)).statusCode).toBe(200);
    expect((await api.deleteOkr(id, editor)).statusCode).toBe(403);
    expect((await api.getOkr('not-a-uuid')).json().details[0]).toMatchObject({ field: 'id', reason: 'isUuid' });
  });

  it("never shows or changes another organisation's OKRs", async () => {
    const mine = await api.activeOkr();
    const theirs = okrClient(t, bearer(t.token('globex', 'admin')));
    expect((await theirs.getOkr(mine.id)).json().code).toBe('OKR.NOT_FOUND');
    expect((await theirs.listOkrs('')).json().meta.total).toBe(0);
    expect((await theirs.patchOkr(mine.id, { owner: 'mallory' })).statusCode).toBe(404);
    expect((await theirs.action(mine.id, 'cancel')).statusCode).toBe(404);
    expect((await theirs.deleteOkr(mine.id)).statusCode).toBe(404);
    expect((await theirs.createOkr(okr({ parentOkrId: mine.id }))).json().code).toBe('OKR.PARENT_NOT_FOUND');
    const strategicObjectiveId = await objective();
    expect((await theirs.createOkr(okr({ strategicObjectiveId }))).json().code).toBe(
      'OKR.STRATEGIC_OBJECTIVE_NOT_FOUND',
    );
    const own = (await theirs.createOkr()).json();
    // Their codes are numbered on their own.
    expect(own.code).toBe('OKR-2026Q1-001');
    expect((await theirs.patchOkr(own.id, { parentOkrId: mine.id })).json().code).toBe('OKR.PARENT_NOT_FOUND');
    expect((await api.getOkr(mine.id)).json()).toMatchObject({ owner: 'vp-customer', status: 'active' });
  });
});
