import { useBearer, useTestApp } from '../../setup/use-test-app';
import { METRICS_URL, MetricJson, createMetric, daysAgo, fieldsOf, storedValueCount } from './metric-fixtures';

interface IngestJson {
  received: number;
  inserted: number;
  updated: number;
  metric: MetricJson;
}

interface ValuesJson {
  metricId: string;
  data: Array<{ date: string; value: number }>;
}

describe('north-star metric values API', () => {
  const t = useTestApp();
  const admin = useBearer(t, 'acme', 'admin');
  let metricId: string;

  beforeEach(async () => {
    metricId = (await createMetric(t, admin)).id;
  });

  const ingest = (values: unknown, id = metricId) =>
    t.app.inject({ method: 'POST', url: `${METRICS_URL}/${id}/values`, headers: admin, payload: { values } });
  const read = async (query = '') =>
    t.app.inject({ method: 'GET', url: `${METRICS_URL}/${metricId}/values${query}`, headers: admin });

  // `count` consecutive daily values ending on `endDaysAgo`, oldest first.
  const daily = (count: number, endDaysAgo = 1, value = (i: number) => 100 + i) =>
    Array.from({ length: count }, (_, i) => ({ date: daysAgo(endDaysAgo + count - 1 - i), value: value(i) }));

  it('ingests values, then upserts: a second value for a date replaces the first', async () => {
    const first = await ingest([
      { date: daysAgo(3), value: 110 },
      { date: daysAgo(2), value: 120 },
    ]);
    expect(first.statusCode).toBe(200);
    const body = first.json<IngestJson>();
    expect(body).toMatchObject({ received: 2, inserted: 2, updated: 0 });
    expect(body.metric).toMatchObject({
      id: metricId,
      currentValue: 120,
      healthBand: expect.stringMatching(/^(excellent|good|fair|poor)$/),
    });
    expect(body.metric.healthScore).toBeGreaterThanOrEqual(0);
    expect(Date.now() - Date.parse(body.metric.lastUpdated ?? '')).toBeLessThan(60_000);

    const second = (
      await ingest([
        { date: daysAgo(2), value: 125 },
        { date: daysAgo(1), value: 130 },
        { date: daysAgo(3), value: 111 },
      ])
    ).json();
    expect(second).toMatchObject({ received: 3, inserted: 1, updated: 2 });
    expect(second.metric.currentValue).toBe(130);
    expect((await read()).json()).toEqual({
      metricId,
      data: [
        { date: daysAgo(3), value: 111 },
        { date: daysAgo(2), value: 125 },
        { date: daysAgo(1), value: 130 },
      ],
    });

    // The current value is the value at the latest date, not the last one sent.
    const older = (await ingest([{ date: daysAgo(30), value: 5 }])).json();
    expect(older).toMatchObject({ inserted: 1, updated: 0 });
    expect(older.metric.currentValue).toBe(130);
  });

  it('shows the new current value on a cached read after an ingest', async () => {
    const url = `${METRICS_URL}/${metricId}`;
    expect((await t.app.inject({ method: 'GET', url, headers: admin })).json().currentValue).toBeNull();
    expect(
      (await t.app.inject({ method: 'GET', url: METRICS_URL, headers: admin })).json().data[0].currentValue,
    ).toBeNull();
    expect(await t.redis.dbsize()).toBeGreaterThan(0);

    await ingest([{ date: daysAgo(1), value: 321 }]);
    expect((await t.app.inject({ method: 'GET', url, headers: admin })).json().currentValue).toBe(321);
    expect((await t.app.inject({ method: 'GET', url: METRICS_URL, headers: admin })).json().data[0].currentValue).toBe(
      321,
    );

    await t.app.inject({ method: 'PATCH', url, headers: admin, payload: { name: 'Renamed' } });
    expect((await t.app.inject({ method: 'GET', url, headers: admin })).json().name).toBe('Renamed');
    await t.app.inject({ method: 'DELETE', url, headers: admin });
    expect((await t.app.inject({ method: 'GET', url: METRICS_URL, headers: admin })).json().meta.total).toBe(0);
  });

  it('takes 10,000 values in one request and refuses 10,001 without writing any', async () => {
    const tooMany = await ingest(daily(10_001));
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().details).toEqual([expect.objectContaining({ field: 'values', reason: 'arrayMaxSize' })]);
    expect(await storedValueCount(t, metricId)).toBe(0);

    const batch = await ingest(daily(10_000));
    expect(batch.statusCode).toBe(200);
    expect(batch.json()).toMatchObject({
      received: 10_000,
      inserted: 10_000,
      updated: 0,
      metric: { currentValue: 100 + 9_999 },
    });
    expect(await storedValueCount(t, metricId)).toBe(10_000);

    // Past 10,000 points a read returns the latest 10,000 of the range, ascending.
    await ingest([{ date: daysAgo(0), value: 1 }]);
    const { data } = (await read()).json();
    expect(data).toHaveLength(10_000);
    expect(data[0].date).toBe(daysAgo(9_999));
    expect(data[9_999]).toEqual({ date: daysAgo(0), value: 1 });
  });

  it('writes nothing when one value in the batch is bad, and names it', async () => {
    await ingest([{ date: daysAgo(5), value: 1 }]);
    const values: unknown[] = daily(4);
    values[2] = { date: daysAgo(2), value: 'ten' };
    const badValue = await ingest(values);
    expect(badValue.statusCode).toBe(400);
    expect(fieldsOf(badValue)).toEqual(['values.2.value']);

    const badDates = await ingest([
      { date: '2026-02-30', value: 1 },
      { date: '0000-01-01', value: 1 },
      { date: daysAgo(1), value: 1, note: 'x' },
    ]);
    expect(badDates.statusCode).toBe(400);
    expect(fieldsOf(badDates)).toEqual(['values.0.date', 'values.1.date', 'values.2.note']);

    const infinite = await t.app.inject({
      method: 'POST',
      url: `${METRICS_URL}/${metricId}/values`,
      headers: { ...admin, 'content-type': 'application/json' },
      payload: `{"values":[{"date":"${daysAgo(1)}","value":1},{"date":"${daysAgo(2)}","value":-1e400}]}`,
    });
    expect(fieldsOf(infinite)).toEqual(['values.1.value']);

    expect(await storedValueCount(t, metricId)).toBe(1);
    expect(
      (await t.app.inject({ method: 'GET', url: `${METRICS_URL}/${metricId}`, headers: admin })).json().currentValue,
    ).toBe(1);
  });

  it('refuses a date repeated within one request, naming the index', async () => {
    const response = await ingest([
      { date: daysAgo(1), value: 1 },
      { date: daysAgo(2), value: 2 },
      { date: daysAgo(1), value: 3 },
    ]);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'VALIDATION.FAILED',
      details: [{ field: 'values.2.date', reason: 'duplicate' }],
    });
    expect(await storedValueCount(t, metricId)).toBe(0);
  });

  it('refuses an empty or missing batch, and values for a missing metric', async () => {
    for (const payload of [{ values: [] }, {}, { values: 'lots' }]) {
      const response = await t.app.inject({
        method: 'POST',
        url: `${METRICS_URL}/${metricId}/values`,
        headers: admin,
        payload,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().details[0].field).toBe('values');
    }
    const missing = await ingest([{ date: daysAgo(1), value: 1 }], '00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('METRIC.NOT_FOUND');
  });

  it('serialises concurrent ingests into the same metric', async () => {
    const batches = Array.from({ length: 4 }, (_, b) => daily(50, 1 + b * 50, (i) => b * 1000 + i));
    const responses = await Promise.all(batches.map((values) => ingest(values)));
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    expect(await storedValueCount(t, metricId)).toBe(200);
    const metric = (await t.app.inject({ method: 'GET', url: `${METRICS_URL}/${metricId}`, headers: admin })).json();
    expect(metric.currentValue).toBe(49);
  });

  it('reads an inclusive date range in ascending order', async () => {
    await ingest(daily(10, 1, (i) => i));
    const dates = async (query: string) => (await read(query)).json<ValuesJson>().data.map((p) => p.date);
    expect(await dates('')).toHaveLength(10);
    expect(await dates(`?from=${daysAgo(4)}&to=${daysAgo(2)}`)).toEqual([daysAgo(4), daysAgo(3), daysAgo(2)]);
    expect(await dates(`?from=${daysAgo(2)}`)).toEqual([daysAgo(2), daysAgo(1)]);
    expect(await dates(`?to=${daysAgo(9)}`)).toEqual([daysAgo(10), daysAgo(9)]);
    expect(await dates(`?from=${daysAgo(5)}&to=${daysAgo(5)}`)).toEqual([daysAgo(5)]);
    expect(await dates('?from=1990-01-01&to=1990-12-31')).toEqual([]);

    const reversed = await read(`?from=${daysAgo(2)}&to=${daysAgo(4)}`);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().details[0]).toMatchObject({ field: 'from', reason: 'range' });
    const malformed = await read('?from=yesterday&to=2026-02-30&limit=5');
    expect(malformed.statusCode).toBe(400);
    expect(fieldsOf(malformed).sort()).toEqual(['from', 'limit', 'to']);
    const missing = await t.app.inject({
      method: 'GET',
      url: `${METRICS_URL}/00000000-0000-4000-8000-000000000000/values`,
      headers: admin,
    });
    expect(missing.statusCode).toBe(404);
  });
});
