import { Counter, Histogram, Registry } from 'prom-client';
import { CardinalityGuard } from '../metrics/cardinality-guard';
import { HttpMetrics } from './http.metrics';
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
  const registry = new Registry();
  const counter = (name: string, labelNames: string[]): Counter<string> =>
    new Counter({ name, help: 'h', labelNames, registers: [registry] });
  const guard = new CardinalityGuard(counter('label_values_folded_total', ['metric', 'label']), 200);
  const metrics = new HttpMetrics(
    counter('api_requests_total', ['method', 'endpoint', 'status']),
    new Histogram({
      name: 'api_request_duration_seconds',
      help: 'h',
      labelNames: ['method', 'endpoint'],
      buckets: [0.5, 1],
      registers: [registry],
    }),
    guard,
  );
  const recorder = new HttpMetricsRecorder(metrics);

  const count = async (labels: Record<string, string>): Promise<number | undefined> =>
    (await metrics.apiRequestsTotal.get()).values.find((v) =>
      Object.entries(labels).every(([key, value]) => (v.labels as Record<string, unknown>)[key] === value),
    )?.value;

  it('counts by upper-case method, route template and final status, and times the request', async () => {
    recorder.record('get', '/api/v1/okrs/:id', 503, 0.7);
    expect(await count({ method: 'GET', endpoint: '/api/v1/okrs/:id', status: '503' })).toBe(1);
    const bucket = async (le: number): Promise<number | undefined> =>
      (await metrics.apiRequestDuration.get()).values.find((v) => {
        const labels = v.labels as Record<string, unknown>;
        return labels.le === le && labels.endpoint === '/api/v1/okrs/:id';
      })?.value;
    const [leHalf, le1] = [await bucket(0.5), await bucket(1)];
    expect([leHalf, le1]).toEqual([0, 1]);
  });

  it('skips health probes and scrapes entirely', async () => {
    recorder.record('GET', '/health/ready', 200, 0.001);
    expect(await count({ endpoint: '/health/ready' })).toBeUndefined();
  });

  it('hands the metrics the same label objects for every request of one kind', () => {
    const inc = jest.spyOn(metrics.apiRequestsTotal, 'inc');
    const observe = jest.spyOn(metrics.apiRequestDuration, 'observe');
    recorder.record('GET', '/api/v1/objectives', 200, 0.01);
    recorder.record('GET', '/api/v1/objectives', 200, 0.02);
    recorder.record('GET', '/api/v1/objectives', 404, 0.02);
    expect(inc.mock.calls[1]?.[0]).toBe(inc.mock.calls[0]?.[0]);
    expect(observe.mock.calls[1]?.[0]).toBe(observe.mock.calls[0]?.[0]);
    expect(inc.mock.calls[2]?.[0]).not.toBe(inc.mock.calls[0]?.[0]);
    expect(inc.mock.calls[2]?.[0]).toEqual({ method: 'GET', endpoint: '/api/v1/objectives', status: '404' });
  });
});
