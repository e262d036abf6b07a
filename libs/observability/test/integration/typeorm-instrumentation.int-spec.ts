import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DataSource } from 'typeorm';
import { TypeOrmInstrumentation } from '../../src';
import { sampleValue } from '@qbm/testing';
import { openObservabilityDataSource } from './support/test-database';
import { createTestApp, scrape } from './support/test-app';

describe('TypeORM instrumentation (real Postgres)', () => {
  let app: NestFastifyApplication;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await createTestApp({ options: { slowQueryMs: 100 } });
    dataSource = await openObservabilityDataSource(undefined, 4);
    app.get(TypeOrmInstrumentation).attach(dataSource);
    await dataSource.query('CREATE TEMP TABLE IF NOT EXISTS obs_probe (id serial PRIMARY KEY, label text)');
  });

  afterAll(async () => {
    await dataSource.destroy();
    await app.close();
  });

  const count = async (operation: string): Promise<number> =>
    sampleValue(await scrape(app), 'db_query_duration_seconds_count', { operation }) ?? 0;

  it('times each query under its operation', async () => {
    const before = {
      select: await count('select'),
      insert: await count('insert'),
      update: await count('update'),
      delete: await count('delete'),
    };
    await dataSource.query('SELECT 1');
    await dataSource.query('SELECT 2');
    await dataSource.query("INSERT INTO obs_probe (label) VALUES ('a')");
    await dataSource.query("UPDATE obs_probe SET label = 'b'");
    await dataSource.query('DELETE FROM obs_probe');

    expect(await count('select')).toBe(before.select + 2);
    expect(await count('insert')).toBe(before.insert + 1);
    expect(await count('update')).toBe(before.update + 1);
    expect(await count('delete')).toBe(before.delete + 1);
    const sum = sampleValue(await scrape(app), 'db_query_duration_seconds_sum', { operation: 'select' }) ?? 0;
    expect(sum).toBeGreaterThan(0);
  });

  it('counts queries over the threshold as slow, and failed queries as errors', async () => {
    const before = await scrape(app);
    const slowBefore = sampleValue(before, 'db_slow_queries_total', { operation: 'select' }) ?? 0;
    const errorsBefore = sampleValue(before, 'db_query_errors_total', { operation: 'select' }) ?? 0;
    const fastBefore = sampleValue(before, 'db_query_duration_seconds_bucket', { operation: 'select', le: '0.1' }) ?? 0;
    const selectsBefore = await count('select');

    await dataSource.query('SELECT pg_sleep(0.15)');
    await expect(dataSource.query('SELECT * FROM no_such_table')).rejects.toThrow();

    const text = await scrape(app);
    expect(sampleValue(text, 'db_slow_queries_total', { operation: 'select' })).toBe(slowBefore + 1);
    expect(sampleValue(text, 'db_query_errors_total', { operation: 'select' })).toBe(errorsBefore + 1);
    expect(sampleValue(text, 'db_query_duration_seconds_count', { operation: 'select' })).toBe(selectsBefore + 1);
    // The 150 ms query lands above the 0.1 s edge.
    expect(sampleValue(text, 'db_query_duration_seconds_bucket', { operation: 'select', le: '0.1' })).toBe(fastBefore);
  });

  it('reads the pool at scrape time: in use, capacity and open connections', async () => {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    // A held connection plus one busy in pg_sleep while the scrape happens.
    const sleeping = dataSource.query('SELECT pg_sleep(0.3)');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const busy = await scrape(app);
    await sleeping;
    await runner.release();

    expect(sampleValue(busy, 'db_connection_pool_max')).toBe(4);
    expect(sampleValue(busy, 'db_connection_pool_size')).toBe(2);
    expect(sampleValue(busy, 'active_connections')).toBeGreaterThanOrEqual(2);

    const idle = await scrape(app);
    expect(sampleValue(idle, 'db_connection_pool_size')).toBe(0);
    expect(sampleValue(idle, 'active_connections')).toBeGreaterThanOrEqual(2);
  });
});
