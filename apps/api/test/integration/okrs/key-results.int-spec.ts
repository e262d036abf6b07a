import { bearer } from '../../setup/test-app';
import { Body, MISSING_ID, keyResult, okrClient, useOkrApi } from './okr-fixtures';

describe('key results API', () => {
  const { t, api } = useOkrApi();

  it('adds, lists, reads, updates and deletes key results, keeping OKR progress current', async () => {
    const { id: okrId } = (await api.createOkr()).json();
    const added = await api.addKeyResult(okrId, keyResult({ unit: '%', dueDate: '2026-03-15', currentValue: 40 }));
    expect(added.statusCode).toBe(201);
    const kr = added.json();
    expect(kr).toMatchObject({
      okrId,
      unit: '%',
      dueDate: '2026-03-15',
      currentValue: 40,
      weight: 1,
      progress: 0.4,
      status: 'not_started',
    });
    expect((await api.getOkr(okrId)).json().progress).toBeCloseTo(0.4, 10);

    const second = (
      await api.addKeyResult(
        okrId,
        keyResult({ statement: 'Cut churn', baselineValue: 8, targetValue: 4, currentValue: 5, unit: '%' }),
      )
    ).json();
    expect(second.progress).toBeCloseTo(0.75, 10);
    expect((await api.listKeyResults(okrId)).json().data.map((k) => k.id)).toEqual([kr.id, second.id]);
    expect((await api.getKeyResult(kr.id)).json()).toEqual(kr);

    const patched = await api.patchKeyResult(kr.id, { targetValue: 50, weight: 3, dueDate: null });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      targetValue: 50,
      weight: 3,
      progress: 0.8,
      dueDate: null,
      status: 'not_started',
    });
    expect((await api.getOkr(okrId)).json().progress).toBeCloseTo((0.8 * 3 + 0.75) / 4, 10);
    expect((await api.getKeyResult(kr.id)).json().weight).toBe(3);

    expect((await api.deleteKeyResult(kr.id)).statusCode).toBe(204);
    expect((await api.getKeyResult(kr.id)).json().code).toBe('KEY_RESULT.NOT_FOUND');
    expect((await api.getOkr(okrId)).json().progress).toBeCloseTo(0.75, 10);
    await api.deleteKeyResult(second.id);
    expect((await api.getOkr(okrId)).json()).toMatchObject({ progress: 0, keyResults: [] });
  });

  it('validates fields with 400 and rules with 422', async () => {
    const { id: okrId } = (await api.createOkr()).json();
    const invalid = await api.addKeyResult(okrId, {
      statement: '',
      type: 'okr',
      baselineValue: '1',
      targetValue: null,
      owner: 'a',
      dueDate: '2026-13-01',
      colour: 'red',
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().details.map((d) => d.field)).toEqual(
      expect.arrayContaining(['statement', 'type', 'baselineValue', 'targetValue', 'dueDate', 'colour']),
    );
    const rules: Array<[Body, string]> = [
      [keyResult({ targetValue: 0 }), 'KEY_RESULT.TARGET_EQUALS_BASELINE'],
      [keyResult({ weight: -2 }), 'KEY_RESULT.WEIGHT_OUT_OF_RANGE'],
      [keyResult({ weight: 100.01 }), 'KEY_RESULT.WEIGHT_OUT_OF_RANGE'],
    ];
    for (const [body, code] of rules) expect((await api.addKeyResult(okrId, body)).json().code).toBe(code);
    expect((await api.addKeyResult(okrId, keyResult({ weight: 100 }))).statusCode).toBe(201);

    const { id } = (await api.addKeyResult(okrId)).json();
    expect((await api.patchKeyResult(id, { baselineValue: 100 })).json().code).toBe(
      'KEY_RESULT.TARGET_EQUALS_BASELINE',
    );
    expect((await api.patchKeyResult(id, { weight: 0 })).json().code).toBe('KEY_RESULT.WEIGHT_OUT_OF_RANGE');
    expect((await api.patchKeyResult(id, { owner: null })).statusCode).toBe(400);
    expect((await api.getKeyResult(id)).json()).toMatchObject({ baselineValue: 0, weight: 1 });
    expect((await api.addKeyResult(MISSING_ID)).json().code).toBe('OKR.NOT_FOUND');
    expect((await api.listKeyResults(MISSING_ID)).statusCode).toBe(404);
  });

  it('enforces roles', async () => {
    const { id: okrId } = (await api.createOkr()).json();
    const viewer = bearer(t.token('acme', 'viewer'));
    const editor = bearer(t.token('acme', 'editor'));
    expect((await api.addKeyResult(okrId, keyResult(), viewer)).statusCode).toBe(403);
    const { id } = (await api.addKeyResult(okrId, keyResult(), editor)).json();
    expect((await api.getKeyResult(id, viewer)).statusCode).toBe(200);
    expect((await api.patchKeyResult(id, { weight: 2 }, viewer)).statusCode).toBe(403);
    expect((await api.patchKeyResult(id, { weight: 2 }, editor)).statusCode).toBe(200);
    expect((await api.deleteKeyResult(id, editor)).statusCode).toBe(403);
  });

  it("never shows or changes another organisation's key results", async () => {
    const mine = await api.activeOkr();
    const krId = mine.keyResults[0]!.id;
    const theirs = okrClient(t, bearer(t.token('globex', 'admin')));
    expect((await theirs.getKeyResult(krId)).json().code).toBe('KEY_RESULT.NOT_FOUND');
    expect((await theirs.listKeyResults(mine.id)).json().code).toBe('OKR.NOT_FOUND');
    expect((await theirs.addKeyResult(mine.id)).json().code).toBe('OKR.NOT_FOUND');
    expect((await theirs.patchKeyResult(krId, { weight: 9 })).statusCode).toBe(404);
    expect((await theirs.deleteKeyResult(krId)).statusCode).toBe(404);
    expect((await api.getKeyResult(krId)).json().weight).toBe(1);
    expect((await api.listKeyResults(mine.id)).json().data).toHaveLength(1);
  });
});
