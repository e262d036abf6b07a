import { METRIC_CATALOGUE } from '@qbm/observability';
import { recordedSeries } from '../prometheus/rule-files';

// prom-client's collectDefaultMetrics (v15), as every service serves them.
export const NODE_DEFAULT_METRICS = [
  'process_cpu_user_seconds_total',
  'process_cpu_system_seconds_total',
  'process_cpu_seconds_total',
  'process_start_time_seconds',
  'process_resident_memory_bytes',
  'process_virtual_memory_bytes',
  'process_heap_bytes',
  'process_open_fds',
  'process_max_fds',
  'nodejs_eventloop_lag_seconds',
  'nodejs_eventloop_lag_min_seconds',
  'nodejs_eventloop_lag_max_seconds',
  'nodejs_eventloop_lag_mean_seconds',
  'nodejs_eventloop_lag_stddev_seconds',
  'nodejs_eventloop_lag_p50_seconds',
  'nodejs_eventloop_lag_p90_seconds',
  'nodejs_eventloop_lag_p99_seconds',
  'nodejs_active_resources',
  'nodejs_active_resources_total',
  'nodejs_active_handles',
  'nodejs_active_handles_total',
  'nodejs_active_requests',
  'nodejs_active_requests_total',
  'nodejs_heap_size_total_bytes',
  'nodejs_heap_size_used_bytes',
  'nodejs_external_memory_bytes',
  'nodejs_heap_space_size_total_bytes',
  'nodejs_heap_space_size_used_bytes',
  'nodejs_heap_space_size_available_bytes',
  'nodejs_version_info',
  'nodejs_gc_duration_seconds',
] as const;

// Series Prometheus makes itself (up, ALERTS) and the blackbox exporter's readiness probe.
export const PROMETHEUS_METRICS = [
  'up',
  'ALERTS',
  'ALERTS_FOR_STATE',
  'probe_success',
  'probe_duration_seconds',
  'probe_http_status_code',
] as const;

// The monitoring stack's own series that rules and panels read: Alertmanager's delivery counters,
// and the nginx exporter's (stub_status) for the gateway.
export const EXPORTER_METRICS = [
  'alertmanager_notifications_total',
  'alertmanager_notifications_failed_total',
  'nginx_up',
  'nginx_http_requests_total',
  'nginx_connections_accepted',
  'nginx_connections_handled',
  'nginx_connections_active',
  'nginx_connections_reading',
  'nginx_connections_writing',
  'nginx_connections_waiting',
] as const;

// What a query may read: the catalogue of @qbm/observability (the data its metric providers are
// built from, so this cannot drift from them), Node's defaults, Prometheus's own, the exporters' and recording rules.
export function knownMetrics(): Set<string> {
  return new Set<string>([
    ...METRIC_CATALOGUE.map((metric) => metric.name),
    ...NODE_DEFAULT_METRICS,
    ...PROMETHEUS_METRICS,
    ...EXPORTER_METRICS,
    ...recordedSeries(),
  ]);
}
