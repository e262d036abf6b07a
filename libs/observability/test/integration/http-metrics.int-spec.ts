import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { sampleValue } from '@qbm/testing';
import { createTestApp, scrape } from './support/test-app';

describe('HTTP metrics (Fastify app)', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  const requests = async (name: string, labels: Record<string, string>): Promise<number> =>
    sampleValue(await scrape(app), name, labels) ?? 0;

  it('counts a request under its route template, never the raw URL', async () => {
    const labels = { method: 'GET', endpoint: '/api/v1/okrs/:id', status: '200' };
    const before = await requests('api_requests_total', labels);

    await app.inject({ method: 'GET', url: '/api/v1/okrs/123?x=1' });
    await app.inject({ method: 'GET', url: '/api/v1/okrs/456' });

    const text = await scrape(app);
    expect(sampleValue(text, 'api_requests_total', labels)).toBe(before + 2);
    expect(text).not.toContain('/api/v1/okrs/123');
    expect(
      sampleValue(text, 'api_request_duration_seconds_count', { method: 'GET', endpoint: '/api/v1/okrs/:id' }),
    ).toBeGreaterThanOrEqual(2);
  });

  it('records the status the client received: 201, 404, 500, guard 403 and a filter-mapped 409', async () => {
    const cases = [
      { method: 'POST' as const, url: '/api/v1/okrs', endpoint: '/api/v1/okrs', status: 201 },
      { method: 'GET' as const, url: '/api/v1/okrs/missing/7', endpoint: '/api/v1/okrs/missing/:id', status: 404 },
      { method: 'GET' as const, url: '/api/v1/okrs/boom', endpoint: '/api/v1/okrs/boom', status: 500 },
      { method: 'GET' as const, url: '/api/v1/okrs/forbidden', endpoint: '/api/v1/okrs/forbidden', status: 403 },
      { method: 'GET' as const, url: '/api/v1/okrs/locked', endpoint: '/api/v1/okrs/locked', status: 409 },
    ];
    for (const { method, url, endpoint, status } of cases) {
      const labels = { method, endpoint, status: String(status) };
      const before = await requests('api_requests_total', labels);
      const response = await app.inject({ method, url });
      expect(response.statusCode).toBe(status);
      expect(await requests('api_requests_total', labels)).toBe(before + 1);
    }
  });

  it('counts URLs that match no route as "unmatched"', async () => {
    const labels = { method: 'GET', endpoint: 'unmatched', status: '404' };
    const before = await requests('api_requests_total', labels);
    const response = await app.inject({ method: 'GET', url: '/api/v1/nothing/here/42' });
    expect(response.statusCode).toBe(404);
    const text = await scrape(app);
    expect(sampleValue(text, 'api_requests_total', labels)).toBe(before + 1);
    expect(text).not.toContain('/nothing/here');
  });

  it('does not count scrapes and health probes', async () => {
    await app.inject({ method: 'GET', url: '/health/live' });
    await app.inject({ method: 'GET', url: '/health' });
    await scrape(app);
    const text = await scrape(app);
    expect(text).not.toMatch(/api_requests_total\{[^}]*endpoint="\/(metrics|health)/);
  });

  it('puts the duration in buckets on the guide thresholds (0.5 s and 1 s)', async () => {
    const text = await scrape(app);
    expect(text).toContain('api_request_duration_seconds_bucket{le="0.5",method="GET",endpoint="/api/v1/okrs/:id"}');
    expect(text).toContain('api_request_duration_seconds_bucket{le="1",method="GET",endpoint="/api/v1/okrs/:id"}');
  });
});
