import { OkrsRepository } from '../../../src/modules/okrs/okrs.repository';
import { bearer } from '../../setup/test-app';
import { MISSING_ID, keyResult, useOkrApi } from './okr-fixtures';

describe('check-ins API', () => {
  const { t, api } = useOkrApi();
  afterEach(() => jest.restoreAllMocks());

  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

  it('appends a check-in and recomputes the key result and the OKR', async () => {
    const okr = await api.activeOkr([keyResult(), keyResult({ weight: 3, baselineValue: 50, targetValue: 10 })]);
    const editor = bearer(t.token('acme', 'editor', 'dana'));
    const response = await api.checkIn(okr.keyResults[1]!.id, { value: 30, confidence: 0.8, note: 'halfway' }, editor);
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.checkIn).toMatchObject({
      keyResultId: okr.keyResults[1]!.id,
      value: 30,
      confidence: 0.8,
      note: 'halfway',
      author: 'dana',
    });
    expect(Date.now() - Date.parse(body.checkIn.checkedInAt)).toBeLessThan(60_000);
    expect(body.keyResult).toMatchObject({
      id: okr.keyResults[1]!.id,
      currentValue: 30,
      progress: 0.5,
      status: 'in_progress',
    });
    expect(body.okr).toEqual({ id: okr.id, progress: 0.375, status: 'active' });
    expect(body.checkIn.createdAt).toEqual(expect.any(String));
  });

  it('derives status from progress and confidence', async () => {
    const okr = await api.activeOkr();
    const krId = okr.keyResults[0]!.id;
    expect((await api.checkIn(krId, { value: 20, confidence: 0.3 })).json().keyResult.status).toBe('at_risk');
    expect((await api.checkIn(krId, { value: 40, confidence: 0.5 })).json().keyResult.status).toBe('in_progress');
    expect((await api.checkIn(krId, { value: 120, confidence: 0.1 })).json().keyResult).toMatchObject({
      status: 'completed',
      progress: 1,
    });
  });

  it('keeps the newest value when a back-dated check-in arrives', async () => {
    const okr = await api.activeOkr();
    const krId = okr.keyResults[0]!.id;
    await api.checkIn(krId, { value: 60, confidence: 0.9, checkedInAt: minutesAgo(10) });
    const late = await api.checkIn(krId, { value: 10, confidence: 0.1, checkedInAt: minutesAgo(60) });
    expect(late.statusCode).toBe(201);
    expect(late.json().keyResult).toMatchObject({ currentValue: 60, progress: 0.6, status: 'in_progress' });
    expect(late.json().okr.progress).toBeCloseTo(0.6, 10);

    const history = (await api.listCheckIns(krId)).json();
    expect(history.data.map((c) => c.value)).toEqual([60, 10]);
    const byCreation = (await api.listCheckIns(krId, `sort=createdAt&order=asc`)).json();
    expect(byCreation.data.map((c) => c.value)).toEqual([60, 10]);
    const oldestFirst = (await api.listCheckIns(krId, `sort=checkedInAt&order=asc&size=1`)).json();
    expect(oldestFirst.data.map((c) => c.value)).toEqual([10]);
    expect(oldestFirst.meta).toMatchObject({ total: 2, nextCursor: expect.any(String) });
    const next = (
      await api.listCheckIns(krId, `sort=checkedInAt&order=asc&size=1&cursor=${oldestFirst.meta.nextCursor}`)
    ).json();
    expect(next.data.map((c) => c.value)).toEqual([60]);
  });

  it('validates the body with 400', async () => {
    const okr = await api.activeOkr();
    const krId = okr.keyResults[0]!.id;
    const bad = await api.checkIn(krId, {
      value: '12',
      confidence: 1.5,
      note: 7,
      checkedInAt: '2026-01-01',
      author: 'me',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d) => d.field)).toEqual(
      expect.arrayContaining(['value', 'confidence', 'note', 'checkedInAt', 'author']),
    );
    const future = await api.checkIn(krId, {
      value: 1,
      confidence: 0.5,
      checkedInAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(future.json().details[0]?.field).toBe('checkedInAt');
    expect((await api.checkIn(krId, { value: 1, confidence: -0.1 })).statusCode).toBe(400);
    // A little clock skew is tolerated.
    expect(
      (await api.checkIn(krId, { value: 1, confidence: 0, checkedInAt: new Date(Date.now() + 60_000).toISOString() }))
        .statusCode,
    ).toBe(201);
    expect((await api.checkIn(MISSING_ID, { value: 1, confidence: 0 })).json().code).toBe('KEY_RESULT.NOT_FOUND');
  });

  it('accepts check-ins only while the OKR is active', async () => {
    const {
      id,
      keyResults: [kr],
    } = (
      await api.createOkr({
        objective: 'o',
        periodType: 'custom',
        periodStart: '2026-01-01',
        periodEnd: '2026-01-31',
        owner: 'o',
        keyResults: [keyResult()],
      })
    ).json();
    const draft = await api.checkIn(kr!.id, { value: 5, confidence: 1 });
    expect(draft.statusCode).toBe(422);
    expect(draft.json()).toMatchObject({ code: 'CHECK_IN.OKR_NOT_ACTIVE', details: { status: 'draft' } });
    await api.action(id, 'activate');
    await api.action(id, 'cancel');
    expect((await api.checkIn(kr!.id, { value: 5, confidence: 1 })).json().details.status).toBe('cancelled');
    expect(await t.dataSource.query('SELECT 1 FROM key_result_check_ins')).toHaveLength(0);
  });

  it("enforces roles and never touches another organisation's key results", async () => {
    const okr = await api.activeOkr();
    const krId = okr.keyResults[0]!.id;
    const viewer = bearer(t.token('acme', 'viewer'));
    expect((await api.checkIn(krId, { value: 5, confidence: 1 }, viewer)).json().code).toBe('AUTH.ROLE_INSUFFICIENT');
    expect((await api.listCheckIns(krId, '', viewer)).statusCode).toBe(200);

    const other = bearer(t.token('globex', 'admin'));
    const attempt = await api.checkIn(krId, { value: 99, confidence: 1 }, other);
    expect(attempt.statusCode).toBe(404);
    expect(attempt.json().code).toBe('KEY_RESULT.NOT_FOUND');
    expect((await api.listCheckIns(krId, '', other)).statusCode).toBe(404);
    expect(await t.dataSource.query('SELECT 1 FROM key_result_check_ins')).toHaveLength(0);
    expect((await api.getKeyResult(krId)).json()).toMatchObject({ currentValue: 0, status: 'not_started' });
  });

  it('writes nothing when the transaction fails midway', async () => {
    const okr = await api.activeOkr();
    const krId = okr.keyResults[0]!.id;
    await api.checkIn(krId, { value: 20, confidence: 0.9 });
    // The OKR's progress is the last write; failing it must undo the check-in and the key result update.
    jest.spyOn(t.app.get(OkrsRepository), 'save').mockRejectedValueOnce(new Error('disk on fire'));
    const failed = await api.checkIn(krId, { value: 90, confidence: 0.9 });
    expect(failed.statusCode).toBe(500);
    // An unknown failure names only the request id; the cause stays in the log.
    expect(failed.json()).toEqual({
      statusCode: 500,
      code: 'INTERNAL',
      message: 'Internal server error',
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(JSON.stringify(failed.json())).not.toContain('disk on fire');

    const rows: Array<{ value: number }> = await t.dataSource.query('SELECT value FROM key_result_check_ins');
    expect(rows.map((r) => r.value)).toEqual([20]);
    const [kr] = await t.dataSource.query('SELECT current_value, progress FROM key_results WHERE id = $1', [krId]);
    expect(kr).toEqual({ current_value: 20, progress: 0.2 });
    expect((await api.getOkr(okr.id)).json().progress).toBeCloseTo(0.2, 10);
  });

  it('serves OKR reads from the cache until a check-in invalidates them', async () => {
    const okr = await api.activeOkr();
    const krId = okr.keyResults[0]!.id;
    expect((await api.getOkr(okr.id)).json().progress).toBe(0);
    expect((await api.getKeyResult(krId)).json().currentValue).toBe(0);
    // Behind the API's back: a cached read does not see it.
    await t.dataSource.query(`UPDATE okrs SET owner = 'changed-in-db' WHERE id = $1`, [okr.id]);
    expect((await api.getOkr(okr.id)).json().owner).toBe('vp-customer');

    await api.checkIn(krId, { value: 70, confidence: 0.9 });
    const fresh = (await api.getOkr(okr.id)).json();
    expect(fresh).toMatchObject({ progress: 0.7, owner: 'changed-in-db' });
    expect(fresh.keyResults[0]).toMatchObject({ currentValue: 70, status: 'in_progress' });
    expect((await api.getKeyResult(krId)).json().currentValue).toBe(70);
  });

  it('loses no update under concurrent check-ins on one OKR', async () => {
    const okr = await api.activeOkr([keyResult(), keyResult(), keyResult()]);
    const start = Date.now() - 60_000;
    // Values rise with checkedInAt, so each key result must end at its newest value, whatever the commit order.
    const requests = okr.keyResults.flatMap((kr, k) =>
      [1, 2, 3, 4, 5].map((i) =>
        api.checkIn(kr.id, {
          value: i * 10 + k,
          confidence: 0.9,
          checkedInAt: new Date(start + i * 1000).toISOString(),
        }),
      ),
    );
    const responses = await Promise.all(requests);
    expect(responses.map((r) => r.statusCode)).toEqual(Array(15).fill(201));
    const final = (await api.getOkr(okr.id)).json();
    expect(final.keyResults.map((kr: { currentValue: number }) => kr.currentValue)).toEqual([50, 51, 52]);
    expect(final.progress).toBeCloseTo((0.5 + 0.51 + 0.52) / 3, 10);
    expect(await t.dataSource.query('SELECT 1 FROM key_result_check_ins')).toHaveLength(15);
  });
});
