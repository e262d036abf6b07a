import { bearer } from '../../setup/test-app';
import { useBearer, useTestApp } from '../../setup/use-test-app';
import {
  Headers,
  METRICS_URL,
  MetricJson,
  PageJson,
  codeOf,
  createMetric,
  createObjective,
  daysAgo,
  fieldsOf,
  metricBody,
  storedValueCount,
} from './metric-fixtures';

describe('north-star metrics API', () => {
  const t = useTestApp();
  const admin = useBearer(t, 'acme', 'admin');

  const inject = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    headers: Headers,
    payload?: Record<string, unknown>,
  ) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

  it('creates, reads, updates and deletes a metric, numbering codes per organisation', async () => {
    const objectiveId = await createObjective(t, admin);
    const created = await inject(
      'POST',
      METRICS_URL,
      admin,
      metricBody({ objectiveId, unit: 'teams', description: 'Teams active in the week' }),
    );
    expect(created.statusCode).toBe(201);
    const body = created.json<MetricJson>();
    expect(body).toEqual({
      id: expect.any(String),
      code: 'NSM-000001',
      name: 'Weekly active teams',
      description: 'Teams active in the week',
      objectiveId,
      type: 'engagement',
      unit: 'teams',
      direction: 'increase',
      baselineValue: 100,
      targetValue: 200,
      currentValue: null,
      frequency: 'daily',
      isPrimary: false,
      status: 'active',
      healthScore: null,
      healthBand: null,
      lastUpdated: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect((await createMetric(t, admin)).code).toBe('NSM-000002');
    expect((await createMetric(t, bearer(t.token('globex', 'admin')))).code).toBe('NSM-000001');

    expect((await inject('GET', `${METRICS_URL}/${body.id}`, admin)).json()).toEqual(body);

    const updated = await inject('PATCH', `${METRICS_URL}/${body.id}`, admin, {
      name: 'Active teams',
      status: 'paused',
      description: null,
      objectiveId: null,
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({
      name: 'Active teams',
      status: 'paused',
      description: null,
      objectiveId: null,
      unit: 'teams',
      targetValue: 200,
    });
    expect((await inject('GET', `${METRICS_URL}/${body.id}`, admin)).json().name).toBe('Active teams');

    await inject('POST', `${METRICS_URL}/${body.id}/values`, admin, { values: [{ date: daysAgo(1), value: 120 }] });
    expect((await inject('DELETE', `${METRICS_URL}/${body.id}`, admin)).statusCode).toBe(204);
    const gone = await inject('GET', `${METRICS_URL}/${body.id}`, admin);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().code).toBe('METRIC.NOT_FOUND');
    expect(await storedValueCount(t, body.id)).toBe(0);
    expect((await inject('DELETE', `${METRICS_URL}/${body.id}`, admin)).statusCode).toBe(404);
  });

  it('names every bad field with 400 and refuses non-finite numbers', async () => {
    const response = await inject('POST', METRICS_URL, admin, {
      name: '',
      type: 'profit',
      direction: 'up',
      baselineValue: '10',
      targetValue: null,
      frequency: 'hourly',
      isPrimary: 'yes',
      status: 'done',
      unit: null,
      owner: 'me',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION.FAILED');
    const fields = fieldsOf(response);
    expect(fields).toEqual(
      expect.arrayContaining([
        'name',
        'type',
        'direction',
        'baselineValue',
        'targetValue',
        'frequency',
        'isPrimary',
        'status',
        'unit',
        'owner',
      ]),
    );

    // JSON.parse turns 1e400 into Infinity.
    const infinite = await t.app.inject({
      method: 'POST',
      url: METRICS_URL,
      headers: { ...admin, 'content-type': 'application/json' },
      payload: JSON.stringify(metricBody()).replace('"baselineValue":100', '"baselineValue":1e400'),
    });
    expect(infinite.statusCode).toBe(400);
    expect(fieldsOf(infinite)).toEqual(['baselineValue']);

    const { id } = await createMetric(t, admin);
    const nulled = await inject('PATCH', `${METRICS_URL}/${id}`, admin, { name: null, direction: null });
    expect(nulled.statusCode).toBe(400);
    expect(fieldsOf(nulled)).toEqual(expect.arrayContaining(['name', 'direction']));
    expect((await inject('GET', `${METRICS_URL}/not-a-uuid`, admin)).json().details[0]).toMatchObject({
      field: 'id',
      reason: 'isUuid',
    });
  });

  it('refuses a missing objective and a target against the direction with 422', async () => {
    const missing = await inject(
      'POST',
      METRICS_URL,
      admin,
      metricBody({ objectiveId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(missing.statusCode).toBe(422);
    expect(missing.json().code).toBe('METRIC.OBJECTIVE_NOT_FOUND');
    const foreignObjective = await createObjective(t, bearer(t.token('globex', 'admin')));
    expect((await inject('POST', METRICS_URL, admin, metricBody({ objectiveId: foreignObjective }))).json().code).toBe(
      'METRIC.OBJECTIVE_NOT_FOUND',
    );

    const backwards = await inject('POST', METRICS_URL, admin, metricBody({ direction: 'decrease' }));
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().code).toBe('METRIC.TARGET_AGAINST_DIRECTION');
    expect(
      (await inject('POST', METRICS_URL, admin, metricBody({ direction: 'maintain', targetValue: 100 }))).statusCode,
    ).toBe(201);

    const { id } = await createMetric(t, admin);
    const patched = await inject('PATCH', `${METRICS_URL}/${id}`, admin, { targetValue: 50 });
    expect(patched.statusCode).toBe(422);
    expect(patched.json().code).toBe('METRIC.TARGET_AGAINST_DIRECTION');
    const patchedObjective = await inject('PATCH', `${METRICS_URL}/${id}`, admin, { objectiveId: foreignObjective });
    expect(patchedObjective.json().code).toBe('METRIC.OBJECTIVE_NOT_FOUND');
    expect(
      (await inject('PATCH', `${METRICS_URL}/${id}`, admin, { direction: 'decrease', targetValue: 50 })).statusCode,
    ).toBe(200);
    // No code was used up by the refused creates.
    expect((await createMetric(t, admin)).code).toBe('NSM-000003');
  });

  it('keeps one primary metric per organisation, demoting the previous one', async () => {
    const first = await createMetric(t, admin, { name: 'A', isPrimary: true });
    const second = await createMetric(t, admin, { name: 'B', isPrimary: true });
    expect(second.isPrimary).toBe(true);
    expect((await inject('GET', `${METRICS_URL}/${first.id}`, admin)).json().isPrimary).toBe(false);

    const promoted = await inject('PATCH', `${METRICS_URL}/${first.id}`, admin, { isPrimary: true });
    expect(promoted.json().isPrimary).toBe(true);
    const primaries = (await inject('GET', `${METRICS_URL}?isPrimary=true`, admin)).json<PageJson<MetricJson>>();
    expect(primaries.data.map((m) => m.id)).toEqual([first.id]);
    expect(
      (await inject('GET', `${METRICS_URL}?isPrimary=false`, admin)).json<PageJson<MetricJson>>().data.map((m) => m.id),
    ).toEqual([second.id]);

    // Concurrent promotions serialise: exactly one primary remains.
    const racers = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        inject('POST', METRICS_URL, admin, metricBody({ name: `C${i}`, isPrimary: true })),
      ),
    );
    expect(racers.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    const rows: Array<{ n: string }> = await t.dataSource.query(
      `SELECT count(*) AS n FROM north_star_metrics WHERE organization_id = 'acme' AND is_primary`,
    );
    expect(rows[0]?.n).toBe('1');
  });

  it('gives distinct codes to concurrent creates', async () => {
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) => inject('POST', METRICS_URL, admin, metricBody({ name: `M${i}` }))),
    );
    const codes = responses.map((r) => r.json().code as string).sort();
    expect(codes).toEqual(Array.from({ length: 8 }, (_, i) => `NSM-00000${i + 1}`));
  });

  it('filters, sorts and pages the list', async () => {
    const objectiveId = await createObjective(t, admin);
    await createMetric(t, admin, { name: 'Revenue', type: 'revenue', objectiveId });
    await createMetric(t, admin, {
      name: 'Churn',
      type: 'retention',
      direction: 'decrease',
      baselineValue: 5,
      targetValue: 3,
      status: 'archived',
    });
    const scored = await createMetric(t, admin, { name: 'Activation', type: 'growth' });
    await inject('POST', `${METRICS_URL}/${scored.id}/values`, admin, { values: [{ date: daysAgo(1), value: 200 }] });

    const names = async (query: string) =>
      (await inject('GET', `${METRICS_URL}?${query}`, admin)).json<PageJson<MetricJson>>().data.map((m) => m.name);
    expect(await names('type=revenue')).toEqual(['Revenue']);
    expect(await names('status=archived')).toEqual(['Churn']);
    expect(await names(`objectiveId=${objectiveId}`)).toEqual(['Revenue']);
    const band = (await inject('GET', `${METRICS_URL}/${scored.id}`, admin)).json().healthBand;
    expect(await names(`healthBand=${band}`)).toEqual(['Activation']);
    expect(await names('sort=name&order=asc')).toEqual(['Activation', 'Churn', 'Revenue']);
    expect(await names('sort=code&order=desc')).toEqual(['Activation', 'Churn', 'Revenue']);

    const first = (await inject('GET', `${METRICS_URL}?size=2&sort=name&order=asc`, admin)).json<
      PageJson<MetricJson>
    >();
    expect(first.meta).toMatchObject({ page: 1, size: 2, total: 3 });
    const next = (
      await inject('GET', `${METRICS_URL}?size=2&sort=name&order=asc&cursor=${first.meta.nextCursor ?? ''}`, admin)
    ).json<PageJson<MetricJson>>();
    expect(next.data.map((m) => m.name)).toEqual(['Revenue']);
    expect(next.meta.nextCursor).toBeNull();

    for (const bad of [
      'sort=healthScore',
      'isPrimary=yes',
      'type=profit',
      'healthBand=great',
      'objectiveId=x',
      'size=0',
    ]) {
      const response = await inject('GET', `${METRICS_URL}?${bad}`, admin);
      expect([bad, response.statusCode]).toEqual([bad, 400]);
    }
  });

  it('enforces authentication and roles', async () => {
    expect((await t.app.inject({ method: 'GET', url: METRICS_URL })).statusCode).toBe(401);
    const { id } = await createMetric(t, admin);
    const viewer = bearer(t.token('acme', 'viewer'));
    const editor = bearer(t.token('acme', 'editor'));
    for (const url of [
      METRICS_URL,
      `${METRICS_URL}/${id}`,
      `${METRICS_URL}/${id}/values`,
      `${METRICS_URL}/${id}/health`,
    ]) {
      expect((await inject('GET', url, viewer)).statusCode).toBe(200);
    }
    const denied = [
      await inject('POST', METRICS_URL, viewer, metricBody()),
      await inject('PATCH', `${METRICS_URL}/${id}`, viewer, { name: 'X' }),
      await inject('POST', `${METRICS_URL}/${id}/values`, viewer, { values: [{ date: daysAgo(1), value: 1 }] }),
      await inject('DELETE', `${METRICS_URL}/${id}`, viewer),
      await inject('DELETE', `${METRICS_URL}/${id}`, editor),
    ];
    expect(denied.map((r) => [r.statusCode, codeOf(r)])).toEqual(Array(5).fill([403, 'AUTH.ROLE_INSUFFICIENT']));
    expect(await storedValueCount(t, id)).toBe(0);
    expect((await inject('POST', METRICS_URL, editor, metricBody())).statusCode).toBe(201);
    expect((await inject('PATCH', `${METRICS_URL}/${id}`, editor, { name: 'Y' })).statusCode).toBe(200);
  });

  it("never shows or changes another organisation's metrics", async () => {
    const { id } = await createMetric(t, admin);
    await inject('POST', `${METRICS_URL}/${id}/values`, admin, { values: [{ date: daysAgo(1), value: 150 }] });
    const other = bearer(t.token('globex', 'admin'));
    expect((await inject('GET', METRICS_URL, other)).json().meta.total).toBe(0);
    const attempts = [
      await inject('GET', `${METRICS_URL}/${id}`, other),
      await inject('PATCH', `${METRICS_URL}/${id}`, other, { name: 'Mine' }),
      await inject('POST', `${METRICS_URL}/${id}/values`, other, { values: [{ date: daysAgo(1), value: 1 }] }),
      await inject('GET', `${METRICS_URL}/${id}/values`, other),
      await inject('GET', `${METRICS_URL}/${id}/health`, other),
      await inject('DELETE', `${METRICS_URL}/${id}`, other),
    ];
    expect(attempts.map((r) => [r.statusCode, codeOf(r)])).toEqual(Array(6).fill([404, 'METRIC.NOT_FOUND']));
    expect((await inject('GET', `${METRICS_URL}/${id}`, admin)).json()).toMatchObject({
      name: 'Weekly active teams',
      currentValue: 150,
    });
  });
});
