import { bearer } from '../../setup/test-app';
import { useBearer, useTestApp } from '../../setup/use-test-app';
import { PageJson, RequirementJson } from './requirement-json';

const URL = '/api/v1/decision-requirements';

describe('decision requirement workflow', () => {
  const t = useTestApp();
  const ann = useBearer(t, 'acme', 'editor', 'ann');
  const bob = useBearer(t, 'acme', 'editor', 'bob');

  async function draft(headers = ann): Promise<string> {
    const response = await t.app.inject({
      method: 'POST',
      url: URL,
      headers,
      payload: { title: 'Open an office', type: 'strategic', category: 'growth', priority: 7 },
    });
    expect(response.statusCode).toBe(201);
    return response.json<RequirementJson>().id;
  }

  function act(id: string, action: string, headers: { authorization: string }, payload?: Record<string, unknown>) {
    return t.app.inject({ method: 'POST', url: `${URL}/${id}/${action}`, headers, payload });
  }

  async function submitted(): Promise<string> {
    const id = await draft();
    expect((await act(id, 'submit', ann)).statusCode).toBe(200);
    return id;
  }

  it('submits and approves, recording who, why and when', async () => {
    const id = await draft();
    const before = Date.now();
    const sub = await act(id, 'submit', ann);
    expect(sub.statusCode).toBe(200);
    expect(sub.json()).toMatchObject({ status: 'submitted', approver: null, decidedAt: null });
    expect(Date.parse(sub.json<{ submittedAt: string }>().submittedAt)).toBeGreaterThanOrEqual(before - 1000);

    const approved = await act(id, 'approve', bob, { reason: 'Fits the budget' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'approved',
      approver: 'bob',
      decisionReason: 'Fits the budget',
      requester: 'ann',
      cancelledAt: null,
    });
    expect(approved.json().decidedAt).toEqual(expect.any(String));
    expect((await t.app.inject({ method: 'GET', url: `${URL}/${id}`, headers: ann })).json()).toEqual(approved.json());
  });

  it('approves without a reason', async () => {
    const id = await submitted();
    const approved = await act(id, 'approve', bob);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', decisionReason: null });
  });

  it('rejects with a required reason', async () => {
    const id = await submitted();
    for (const payload of [
      undefined,
      {},
      { reason: '' },
      { reason: '   ' },
      { reason: 'x'.repeat(2001) },
      { reason: 7 },
    ]) {
      const response = await act(id, 'reject', bob, payload);
      expect(response.statusCode).toBe(400);
      expect(response.json().details[0].field).toBe('reason');
    }
    const rejected = await act(id, 'reject', bob, { reason: 'Not this year' });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', approver: 'bob', decisionReason: 'Not this year' });
  });

  it('refuses the requester deciding their own requirement', async () => {
    const id = await submitted();
    for (const [action, payload] of [
      ['approve', undefined],
      ['reject', { reason: 'no' }],
    ] as const) {
      const response = await act(id, action, ann, payload);
      expect(response.statusCode).toBe(422);
      expect(response.json().code).toBe('DECISION_REQUIREMENT.SELF_DECISION');
    }
    expect((await t.app.inject({ method: 'GET', url: `${URL}/${id}`, headers: ann })).json().status).toBe('submitted');
  });

  it('cancels drafts and submitted requirements, keeping the reason', async () => {
    const a = await draft();
    const cancelled = await act(a, 'cancel', ann, { reason: 'Superseded' });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({
      status: 'cancelled',
      decisionReason: 'Superseded',
      approver: null,
      decidedAt: null,
    });
    expect(cancelled.json().cancelledAt).toEqual(expect.any(String));
    const b = await submitted();
    expect((await act(b, 'cancel', bob)).json()).toMatchObject({ status: 'cancelled', decisionReason: null });
  });

  it('refuses illegal transitions with 422 naming from and to', async () => {
    const id = await draft();
    const early = await act(id, 'approve', bob);
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({
      code: 'DECISION_REQUIREMENT.ILLEGAL_TRANSITION',
      details: { from: 'draft', to: 'approved' },
    });
    expect((await act(id, 'reject', bob, { reason: 'no' })).json().details).toEqual({ from: 'draft', to: 'rejected' });

    await act(id, 'submit', ann);
    expect((await act(id, 'submit', ann)).json().details).toEqual({ from: 'submitted', to: 'submitted' });
    await act(id, 'reject', bob, { reason: 'no' });
    for (const action of ['submit', 'approve', 'cancel']) {
      const response = await act(id, action, bob);
      expect(response.statusCode).toBe(422);
      expect(response.json().details.from).toBe('rejected');
    }
    const edit = await t.app.inject({ method: 'PATCH', url: `${URL}/${id}`, headers: ann, payload: { priority: 1 } });
    expect(edit.json().code).toBe('DECISION_REQUIREMENT.NOT_EDITABLE');
    // Admins may delete in any state.
    expect(
      (await t.app.inject({ method: 'DELETE', url: `${URL}/${id}`, headers: bearer(t.token('acme', 'admin')) }))
        .statusCode,
    ).toBe(204);
  });

  it('answers 404 for transitions of a missing requirement', async () => {
    const response = await act('00000000-0000-4000-8000-000000000000', 'submit', ann);
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('DECISION_REQUIREMENT.NOT_FOUND');
  });

  it('lets exactly one of two concurrent decisions win', async () => {
    for (let round = 0; round < 5; round += 1) {
      const id = await submitted();
      const carol = bearer(t.token('acme', 'editor', 'carol'));
      const [approve, reject] = await Promise.all([
        act(id, 'approve', bob),
        act(id, 'reject', carol, { reason: 'Too costly' }),
      ]);
      const statuses = [approve.statusCode, reject.statusCode].sort();
      expect(statuses).toEqual([200, 422]);
      const loser = approve.statusCode === 422 ? approve : reject;
      const winner = approve.statusCode === 200 ? approve : reject;
      expect(loser.json().code).toBe('DECISION_REQUIREMENT.ILLEGAL_TRANSITION');
      expect(loser.json().details.from).toBe(winner.json().status);
      const stored = (await t.app.inject({ method: 'GET', url: `${URL}/${id}`, headers: ann })).json();
      expect(stored).toMatchObject({
        status: winner.json().status,
        approver: winner.json().approver,
        decisionReason: winner.json().decisionReason,
      });
    }
  });

  it('numbers 20 concurrent creates with distinct consecutive codes', async () => {
    const responses = await Promise.all(Array.from({ length: 20 }, () => draft()));
    expect(new Set(responses).size).toBe(20);
    const page = (await t.app.inject({ method: 'GET', url: `${URL}?size=100&sort=code&order=asc`, headers: ann })).json<
      PageJson<RequirementJson>
    >();
    const year = new Date().getUTCFullYear();
    expect(page.data.map((r) => r.code)).toEqual(
      Array.from({ length: 20 }, (_, i) => `REQ-${year}-${String(i + 1).padStart(4, '0')}`),
    );
  });
});
