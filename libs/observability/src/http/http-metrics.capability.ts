import type { MetricsCapability } from '../metrics/metrics-capability';
import { HttpMetricsHook } from './http-metrics.hook';
import { HttpMetricsRecorder } from './http-metrics.recorder';
import { HttpMetrics } from './http.metrics';

// api_requests_total and api_request_duration_seconds, recorded for every request (Fastify only).
export function httpMetrics(): MetricsCapability {
  return {
    capability: 'http',
    providers: [HttpMetrics, HttpMetricsRecorder, HttpMetricsHook],
    exports: [HttpMetrics],
  };
}
