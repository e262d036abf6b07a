import { MetricsCatalogue } from '../metrics/metrics-catalogue.service';
import { endpointLabel, HttpMetricsRecorder, UNMATCHED_ENDPOINT } from './http-metrics.recorder';

describe('endpointLabel', () => {
  it.each([
    ['/api/v1/okrs/:id', '/api/v1/okrs/:id'],
    ['/api/v1/okrs', '/api/v1/okrs'],
    ['/api/v1/healthcheck-results', '/api/v1/healthcheck-results'],
    ['/api/v1/metrics-catalogue/:id', '/api/v1/metrics-catalogue/:id'],
    [undefined, UNMATCHED_ENDPOINT],
    ['', UNMATCHED_ENDPOINT],
  ])('labels %p as %p', (template, expected) => {
    expect(endpointLabel(template)).toBe(expected);
  });

  it.each(['/metrics', '/health', '/health/live', '/health/ready', '/health/detailed', '/api/v1/health/ready'])(
    'does not count %s',
    (template) => {
      expect(endpointLabel(template)).toBeUndefined();
    },
  );
});

describe('HttpMetricsRecorder', () => {
  const catalogue = new MetricsCatalogue({
    service: 'api',
    version: '1',
    logLevel: 'info',
    logPretty: false,
    slowQueryMs: 100,
  });
  const recorder = new HttpMetricsRecorder(catalogue);

  const count = async (labels: Record<string, string>): Promise<number | undefined> =>
    (await catalogue.apiRequestsTotal.get()).values.find((v) =>
      Object.entries(labels).every(([key, value]) => (v.labels as Record<string, unknown>)[key] === value),
    )?.value;

  it('counts by upper-case method, route template and final status, and times the request', async () => {
    recorder.record({ method: 'get', routeTemplate: '/api/v1/okrs/:id', statusCode: 503, durationSeconds: 0.7 });
    expect(await count({ method: 'GET', endpoint: '/api/v1/okrs/:id', status: '503' })).toBe(1);
    const bucket = async (le: number): Promise<number | undefined> =>
      (await catalogue.apiRequestDuration.get()).values.find((v) => {
        const labels = v.labels as Record<string, unknown>;
        return labels.le === le && labels.endpoint === '/api/v1/okrs/:id';
      })?.value;
    const [leHalf, le1] = [await bucket(0.5), await bucket(1)];
    expect([leHalf, le1]).toEqual([0, 1]);
  });

  it('skips health probes and scrapes entirely', async () => {
    recorder.record({ method: 'GET', routeTemplate: '/health/ready', statusCode: 200, durationSeconds: 0.001 });
    expect(await count({ endpoint: '/health/ready' })).toBeUndefined();
  });
});
