import { useBearer, useTestApp } from '../../setup/use-test-app';
import { METRICS_URL, MetricJson, createMetric, createObjective, daysAgo } from './metric-fixtures';

interface HealthJson {
  score: number | null;
  band: string | null;
  components: Record<string, number | null>;
  computedAt: string;
  dataPoints: number;
}

describe('north-star metric health API', () => {
  const t = useTestApp();
  const admin = useBearer(t, 'acme', 'admin');

  const health = async (id: string) => {
    const response = await t.app.inject({ method: 'GET', url: `${METRICS_URL}/${id}/health`, headers: admin });
    expect(response.statusCode).toBe(200);
    return response.json<HealthJson>();
  };
  const metric = async (id: string) =>
    (await t.app.inject({ method: 'GET', url: `${METRICS_URL}/${id}`, headers: admin })).json<MetricJson>();
  const ingest = (id: string, values: Array<{ date: string; value: number }>) =>
    t.app.inject({ method: 'POST', url: `${METRICS_URL}/${id}/values`, headers: admin, payload: { values } });
  // `count` daily values ending yesterday, oldest first, moving linearly from `from` to `to`.
  const line = (count: number, from: number, to: number) =>
    Array.from({ length: count }, (_, i) => ({
      date: daysAgo(count - i),
      value: from + ((to - from) * i) / (count - 1),
    }));

  it('has no score before values arrive', async () => {
    const { id } = await createMetric(t, admin);
    const body = await health(id);
    expect(body).toEqual({
      metricId: id,
      score: null,
      band: null,
      components: { achievement: null, trend: null, completeness: null, stability: null, importance: 0.5 },
      weights: { achievement: 0.35, trend: 0.25, completeness: 0.15, stability: 0.15, importance: 0.1 },
      computedAt: expect.any(String),
      dataPoints: 0,
    });
    expect(Math.abs(Date.now() - Date.parse(body.computedAt))).toBeLessThan(60_000);
  });

  it('scores a complete primary metric on target and improving as excellent, and stores what /health computes', async () => {
    const { id } = await createMetric(t, admin, { isPrimary: true });
    const ingested = (await ingest(id, line(90, 100, 200))).json();
    expect(ingested.metric).toMatchObject({ healthScore: 1, healthBand: 'excellent', currentValue: 200 });
    const body = await health(id);
    expect(body).toMatchObject({
      score: 1,
      band: 'excellent',
      dataPoints: 90,
      components: { achievement: 1, trend: 1, completeness: 1, stability: 1, importance: 1 },
    });
  });

  it('is direction-aware: a falling metric that should fall is healthy, one that should rise is not', async () => {
    const falling = line(60, 100, 80);
    const shouldFall = await createMetric(t, admin, {
      name: 'Churn',
      direction: 'decrease',
      baselineValue: 100,
      targetValue: 80,
    });
    const shouldRise = await createMetric(t, admin, {
      name: 'Revenue',
      direction: 'increase',
      baselineValue: 100,
      targetValue: 120,
    });
    await ingest(shouldFall.id, falling);
    await ingest(shouldRise.id, falling);
    const good = await health(shouldFall.id);
    const bad = await health(shouldRise.id);
    expect(good.components).toMatchObject({ achievement: 1, trend: 1 });
    expect(bad.components).toMatchObject({ achievement: 0, trend: 0 });
    expect(good.band).toBe('excellent');
    expect(bad.band).toBe('poor');
    expect((await metric(shouldRise.id)).healthBand).toBe('poor');

    const steady = await createMetric(t, admin, {
      name: 'Uptime',
      direction: 'maintain',
      baselineValue: 99.9,
      targetValue: 99.9,
    });
    await ingest(steady.id, line(30, 99.9, 99.9));
    expect((await health(steady.id)).components).toMatchObject({ achievement: 1, trend: 1, stability: 1 });
  });

  it('takes importance from the objective priority and counts gaps against completeness', async () => {
    const objectiveId = await createObjective(t, admin, 7);
    const { id } = await createMetric(t, admin, { objectiveId });
    const everyThirdDay = line(90, 100, 150).filter((_, i) => i % 3 === 2);
    await ingest(id, everyThirdDay);
    const body = await health(id);
    expect(body.components.importance).toBe(0.7);
    expect(body.components.completeness).toBeCloseTo(1 / 3, 1);
    expect(body.dataPoints).toBe(30);
    expect((await metric(id)).healthScore).toBe(body.score);
  });

  it('recomputes the stored score when the target or the primary flag changes', async () => {
    const first = await createMetric(t, admin, { name: 'A', isPrimary: true, targetValue: 300 });
    const second = await createMetric(t, admin, { name: 'B' });
    await ingest(first.id, line(30, 150, 200));
    await ingest(second.id, line(30, 150, 200));
    const before = await metric(first.id);
    expect((await health(first.id)).components.achievement).toBe(0.5);

    const retargeted = (
      await t.app.inject({
        method: 'PATCH',
        url: `${METRICS_URL}/${first.id}`,
        headers: admin,
        payload: { targetValue: 200 },
      })
    ).json<MetricJson>();
    expect(retargeted.healthScore).toBeGreaterThan(before.healthScore ?? 1);
    expect((await health(first.id)).components.achievement).toBe(1);

    // Promoting B demotes A, whose importance falls from 1 to 0.5: 0.1 × 0.5 off its score.
    const aBefore = (await metric(first.id)).healthScore ?? NaN;
    const bBefore = (await metric(second.id)).healthScore ?? NaN;
    await t.app.inject({
      method: 'PATCH',
      url: `${METRICS_URL}/${second.id}`,
      headers: admin,
      payload: { isPrimary: true },
    });
    expect((await metric(first.id)).healthScore).toBeCloseTo(aBefore - 0.05, 3);
    expect((await metric(second.id)).healthScore).toBeCloseTo(bBefore + 0.05, 3);
  });

  it('answers 404 for a missing metric and 400 for a malformed id', async () => {
    const missing = await t.app.inject({
      method: 'GET',
      url: `${METRICS_URL}/00000000-0000-4000-8000-000000000000/health`,
      headers: admin,
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('METRIC.NOT_FOUND');
    expect((await t.app.inject({ method: 'GET', url: `${METRICS_URL}/abc/health`, headers: admin })).statusCode).toBe(
      400,
    );
  });
});
