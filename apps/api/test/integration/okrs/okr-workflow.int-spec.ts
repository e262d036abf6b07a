import { MISSING_ID, keyResult, okr, useOkrApi } from './okr-fixtures';

describe('OKR workflow', () => {
  const { api } = useOkrApi();

  it('needs a key result to activate', async () => {
    const { id } = (await api.createOkr()).json();
    const refused = await api.action(id, 'activate');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('OKR.NO_KEY_RESULTS');
    expect((await api.addKeyResult(id)).statusCode).toBe(201);
    const activated = await api.action(id, 'activate');
    expect(activated.statusCode).toBe(200);
    expect(activated.json()).toMatchObject({ status: 'active', finalScore: null, closedAt: null });
    expect(activated.json().keyResults).toHaveLength(1);
    expect((await api.getOkr(id)).json().status).toBe('active');
  });

  it('completes with the current progress as final score and freezes the OKR', async () => {
    const created = await api.activeOkr([keyResult(), keyResult({ weight: 3 })]);
    const [first, second] = created.keyResults.map((kr) => kr.id) as [string, string];
    await api.checkIn(second, { value: 80, confidence: 0.9 });
    const completed = await api.action(created.id, 'complete');
    expect(completed.statusCode).toBe(200);
    const body = completed.json();
    expect(body.status).toBe('completed');
    expect(body.finalScore).toBeCloseTo(0.6, 10);
    expect(body.finalScore).toBe(body.progress);
    expect(Date.now() - Date.parse(body.closedAt ?? '')).toBeLessThan(60_000);

    const frozen = [
      await api.addKeyResult(created.id),
      await api.patchKeyResult(first, { weight: 5 }),
      await api.deleteKeyResult(first),
      await api.patchOkr(created.id, { owner: 'someone else' }),
    ];
    expect(frozen.map((r) => [r.statusCode, r.json().code])).toEqual(Array(4).fill([422, 'OKR.CLOSED']));
    expect((await api.checkIn(first, { value: 1, confidence: 1 })).json().code).toBe('CHECK_IN.OKR_NOT_ACTIVE');
  });

  it('fails with a final score and fails the unfinished key results', async () => {
    const created = await api.activeOkr([keyResult(), keyResult()]);
    const [first, second] = created.keyResults.map((kr) => kr.id) as [string, string];
    await api.checkIn(first, { value: 100, confidence: 1 });
    await api.checkIn(second, { value: 30, confidence: 0.2 });
    const failed = (await api.action(created.id, 'fail')).json();
    expect(failed).toMatchObject({ status: 'failed', finalScore: 0.65 });
    expect(failed.keyResults.map((kr) => kr.status)).toEqual(['completed', 'failed']);
  });

  it('cancels from draft or active without a score', async () => {
    const draft = (await api.createOkr()).json();
    const cancelled = (await api.action(draft.id, 'cancel')).json();
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.finalScore).toBeNull();
    expect(cancelled.closedAt).toEqual(expect.any(String));
    const active = await api.activeOkr();
    expect((await api.action(active.id, 'cancel')).json().status).toBe('cancelled');
  });

  it('refuses illegal transitions with their from and to', async () => {
    const { id } = (await api.createOkr(okr({ keyResults: [keyResult()] }))).json();
    for (const [action, to] of [
      ['complete', 'completed'],
      ['fail', 'failed'],
    ] as const) {
      const response = await api.action(id, action);
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({ code: 'OKR.ILLEGAL_TRANSITION', details: { from: 'draft', to } });
    }
    await api.action(id, 'activate');
    expect((await api.action(id, 'activate')).json().details).toEqual({ from: 'active', to: 'active' });
    await api.action(id, 'complete');
    for (const action of ['activate', 'complete', 'fail', 'cancel'] as const) {
      const response = await api.action(id, action);
      expect([response.statusCode, response.json().code, response.json().details.from]).toEqual([
        422,
        'OKR.ILLEGAL_TRANSITION',
        'completed',
      ]);
    }
    expect((await api.action(MISSING_ID, 'activate')).json().code).toBe('OKR.NOT_FOUND');
  });
});
