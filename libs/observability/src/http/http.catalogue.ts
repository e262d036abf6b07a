import type { MetricDefinition } from '../metrics/metric-definition';

// Edges on the latency objectives: 0.5 s average and 1 s p95 per endpoint.
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

export const HTTP_METRICS = [
  {
    name: 'api_requests_total',
    type: 'counter',
    help: 'Total API requests',
    labels: ['method', 'endpoint', 'status'],
    capability: 'http',
  },
  {
    name: 'api_request_duration_seconds',
    type: 'histogram',
    help: 'API request duration',
    labels: ['method', 'endpoint'],
    buckets: HTTP_BUCKETS,
    capability: 'http',
  },
] as const satisfies readonly MetricDefinition[];
