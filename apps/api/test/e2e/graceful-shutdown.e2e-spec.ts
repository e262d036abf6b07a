import { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { bearer, startTestApp, TestApp } from '../setup/test-app';
import { testDatabaseName, testDatabaseUrl } from '@qbm/testing';

// Shutdown stops accepting, lets the request in flight finish (its transaction included), then
// closes the pools. The in-flight request is held on a row lock this test controls, so the order of
// events is certain rather than a matter of timing.
describe('graceful shutdown', () => {
  let t: TestApp;
  let locker: Client;

  beforeAll(async () => {
    t = await startTestApp();
    await t.truncate();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    locker = new Client({ connectionString: testDatabaseUrl('api') });
    await locker.connect();
  });
  afterAll(async () => {
    await locker.end();
  });

  async function waitForLockWaiter(): Promise<void> {
    for (let i = 0; i < 200; i += 1) {
      const { rows } = await locker.query<{ waiting: string }>(
        `SELECT count(*) AS waiting FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`,
        [testDatabaseName('api')],
      );
      if (Number(rows[0]?.waiting) > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the ingest never reached the row lock');
  }

  it('finishes the request in flight, refuses new ones, then closes', async () => {
    const headers = bearer(t.token('drain-co', 'editor'));
    const metric = await t.app.inject({
      method: 'POST',
      url: '/api/v1/north-star-metrics',
      headers,
      payload: {
        name: 'Orders',
        type: 'revenue',
        direction: 'increase',
        baselineValue: 1,
        targetValue: 2,
        frequency: 'daily',
      },
    });
    expect(metric.statusCode).toBe(201);
    const { id } = metric.json<{ id: string }>();
    const base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;

    await locker.query('BEGIN');
    await locker.query('SELECT id FROM north_star_metrics WHERE id = $1 FOR UPDATE', [id]);
    const inFlight = fetch(`${base}/api/v1/north-star-metrics/${id}/values`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ values: [{ date: '2026-01-01', value: 1.5 }] }),
    });
    await waitForLockWaiter();

    let closed = false;
    const closing = t.app.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(closed).toBe(false);
    await expect(fetch(`${base}/health/live`, { headers: { connection: 'close' } })).rejects.toThrow();

    await locker.query('COMMIT');
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ received: 1, inserted: 1 });
    await closing;
    expect(closed).toBe(true);

    const { rows } = await locker.query<{ value: number }>('SELECT value FROM metric_values WHERE metric_id = $1', [
      id,
    ]);
    expect(rows).toEqual([{ value: 1.5 }]);
  });
});
