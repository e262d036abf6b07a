import { AddressInfo } from 'node:net';
import { promtoolCheckMetrics } from '@qbm/testing';
import { bearer } from '../setup/test-app';
import { useTestApp } from '../setup/use-test-app';

// One flow over real HTTP: a strategy from objective to metric to OKR check-in, as a client sees it.
describe('strategy flow over HTTP', () => {
  const t = useTestApp({ truncate: 'once' });
  let base: string;

  beforeAll(async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });

  async function call<T = Record<string, unknown>>(
    method: string,
    path: string,
    token: string,
    body?: unknown,
  ): Promise<{ status: number; body: T; headers: Headers }> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { ...bearer(token), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T, headers: response.headers };
  }

  it('runs a quarter: objective, metric with values, OKR with a key result, check-in, close', async () => {
    const editor = t.token('flow-co', 'editor', 'lee@flow-co');
    const viewer = t.token('flow-co', 'viewer');

    const objective = await call<{ id: string }>('POST', '/api/v1/objectives', editor, {
      name: 'Delight customers',
      type: 'strategic_goal',
      priority: 9,
    });
    expect(objective.status).toBe(201);

    const metric = await call<{ id: string; code: string }>('POST', '/api/v1/north-star-metrics', editor, {
      name: 'Weekly active teams',
      type: 'engagement',
      direction: 'increase',
      baselineValue: 100,
      targetValue: 200,
      frequency: 'daily',
      objectiveId: objective.body.id,
      isPrimary: true,
    });
    expect(metric.status).toBe(201);
    expect(metric.body.code).toMatch(/^NSM-\d{6}$/);

    const today = new Date();
    const values = Array.from({ length: 60 }, (_, i) => {
      const day = new Date(today.getTime() - (59 - i) * 86_400_000);
      return { date: day.toISOString().slice(0, 10), value: 100 + i * 1.5 };
    });
    const ingest = await call<{
      received: number;
      metric: { currentValue: number; healthScore: number; healthBand: string };
    }>('POST', `/api/v1/north-star-metrics/${metric.body.id}/values`, editor, { values });
    expect(ingest.status).toBe(200);
    expect(ingest.body.received).toBe(60);
    expect(ingest.body.metric.currentValue).toBeCloseTo(188.5);
    expect(ingest.body.metric.healthScore).toBeGreaterThan(0);

    const health = await call<{ score: number; components: Record<string, number> }>(
      'GET',
      `/api/v1/north-star-metrics/${metric.body.id}/health`,
      viewer,
    );
    expect(health.status).toBe(200);
    expect(health.body.score).toBeCloseTo(ingest.body.metric.healthScore, 6);

    const quarterStart = new Date(Date.UTC(today.getUTCFullYear(), Math.floor(today.getUTCMonth() / 3) * 3, 1));
    const quarterEnd = new Date(Date.UTC(today.getUTCFullYear(), Math.floor(today.getUTCMonth() / 3) * 3 + 3, 0));
    const okr = await call<{ id: string; code: string; keyResults: Array<{ id: string }> }>(
      'POST',
      '/api/v1/okrs',
      editor,
      {
        objective: 'Make onboarding effortless',
        strategicObjectiveId: objective.body.id,
        periodType: 'quarterly',
        periodStart: quarterStart.toISOString().slice(0, 10),
        periodEnd: quarterEnd.toISOString().slice(0, 10),
        owner: 'lee',
        keyResults: [
          {
            statement: 'Activation rate from 40 % to 60 %',
            type: 'metric',
            baselineValue: 40,
            targetValue: 60,
            weight: 3,
            owner: 'lee',
          },
          {
            statement: 'Ship guided setup',
            type: 'milestone',
            baselineValue: 0,
            targetValue: 1,
            weight: 1,
            owner: 'kim',
          },
        ],
      },
    );
    expect(okr.status).toBe(201);
    expect(okr.body.code).toMatch(/^OKR-\d{4}Q[1-4]-\d{3}$/);
    expect((await call('POST', `/api/v1/okrs/${okr.body.id}/activate`, editor)).status).toBe(200);

    const checkIn = await call<{ okr: { progress: number } }>(
      'POST',
      `/api/v1/key-results/${okr.body.keyResults[0]!.id}/check-ins`,
      editor,
      {
        value: 50,
        confidence: 0.8,
        note: 'halfway',
      },
    );
    expect(checkIn.status).toBe(201);
    // (50-40)/(60-40) = 0.5 on weight 3, 0 on weight 1 -> 0.375
    expect(checkIn.body.okr.progress).toBeCloseTo(0.375);

    const read = await call<{ progress: number; keyResults: Array<{ progress: number }> }>(
      'GET',
      `/api/v1/okrs/${okr.body.id}`,
      viewer,
    );
    expect(read.body.progress).toBeCloseTo(0.375);
    expect(read.body.keyResults).toHaveLength(2);

    const closed = await call<{ status: string; finalScore: number }>(
      'POST',
      `/api/v1/okrs/${okr.body.id}/fail`,
      editor,
    );
    expect(closed.body).toMatchObject({ status: 'failed' });
    expect(closed.body.finalScore).toBeCloseTo(0.375);

    const illegal = await call<{ code: string }>('POST', `/api/v1/okrs/${okr.body.id}/activate`, editor);
    expect(illegal.status).toBe(422);
    expect(illegal.body.code).toBe('OKR.ILLEGAL_TRANSITION');

    // Another organisation sees none of it.
    const stranger = t.token('other-co', 'admin');
    expect((await call('GET', `/api/v1/okrs/${okr.body.id}`, stranger)).status).toBe(404);
    expect(
      (await call<{ meta: { total: number } }>('GET', '/api/v1/north-star-metrics', stranger)).body.meta.total,
    ).toBe(0);

    // The request was measured under its route template, never its raw URL.
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/api_requests_total\{[^}]*endpoint="\/api\/v1\/okrs\/:id"[^}]*\} [1-9]/);
    expect(metrics).not.toContain(okr.body.id);
    // The API's real exposition, after real traffic, is valid for Prometheus.
    const check = await promtoolCheckMetrics(metrics);
    expect({ code: check.code, output: check.output }).toEqual({ code: 0, output: expect.any(String) });
  });
});
