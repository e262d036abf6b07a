import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { sampleValue } from '@qbm/testing';
import { createTestApp, scrape } from './support/test-app';

const DISTINCT_URLS = 10_000;

describe('label cardinality under 10,000 distinct URLs', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp({ options: { labelValueCap: 50 } });
  });

  afterAll(async () => {
    await app.close();
  });

  it('keeps api_requests_total to a handful of series', async () => {
    for (let i = 0; i < DISTINCT_URLS; i++) {
      // Half hit a parameterised route with a new id, half match no route at all.
      const url = i % 2 === 0 ? `/api/v1/okrs/${i}?page=${i}` : `/api/v1/scan/${i}/wp-admin.php`;
      await app.inject({ method: 'GET', url });
    }

    const text = await scrape(app);
    const requestSeries = text.split('\n').filter((line) => line.startsWith('api_requests_total{'));
    const bucketSeries = text.split('\n').filter((line) => line.startsWith('api_request_duration_seconds_bucket{'));
    expect(requestSeries.length).toBeLessThanOrEqual(3);
    expect(bucketSeries.length).toBeLessThanOrEqual(2 * 12);
    expect(sampleValue(text, 'api_requests_total', { endpoint: '/api/v1/okrs/:id', status: '200' })).toBe(
      DISTINCT_URLS / 2,
    );
    expect(sampleValue(text, 'api_requests_total', { endpoint: 'unmatched', status: '404' })).toBe(DISTINCT_URLS / 2);
    expect(text).not.toMatch(/endpoint="[^"]*\d{2,}/);
  }, 120_000);

  it('counts 404s of any verb under "unmatched"', async () => {
    for (let i = 0; i < 5; i++) await app.inject({ method: 'DELETE', url: `/api/v1/x/${i}` });
    const text = await scrape(app);
    expect(sampleValue(text, 'api_requests_total', { method: 'DELETE', endpoint: 'unmatched', status: '404' })).toBe(5);
  });
});

describe('the cardinality guard on HTTP labels', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp({ options: { labelValueCap: 2 } });
  });

  afterAll(async () => {
    await app.close();
  });

  it('folds values past each label\'s cap into "other" and counts the folds', async () => {
    await app.inject({ method: 'GET', url: '/api/v1/okrs/1' });
    await app.inject({ method: 'GET', url: '/nowhere' });
    await app.inject({ method: 'GET', url: '/api/v1/okrs/missing/2' });
    await app.inject({ method: 'GET', url: '/api/v1/okrs/boom' });

    const text = await scrape(app);
    expect(sampleValue(text, 'api_requests_total', { endpoint: '/api/v1/okrs/:id' })).toBe(1);
    expect(sampleValue(text, 'api_requests_total', { endpoint: 'unmatched' })).toBe(1);
    expect(sampleValue(text, 'api_requests_total', { endpoint: 'other', status: '404' })).toBe(1);
    // Each label has its own cap: the 500 is a third status, so it folds too.
    expect(sampleValue(text, 'api_requests_total', { endpoint: 'other', status: 'other' })).toBe(1);
    expect(sampleValue(text, 'label_values_folded_total', { metric: 'api_requests_total', label: 'endpoint' })).toBe(2);
    expect(sampleValue(text, 'label_values_folded_total', { metric: 'api_requests_total', label: 'status' })).toBe(1);
  });
});
