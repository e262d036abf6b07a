import { METRIC_CATALOGUE } from './metric-catalogue';
import { METRIC_CAPABILITIES } from './metric-definition';

// The names, types, labels and buckets the shipped alert rules and dashboards are written against.
const CONTRACT: Record<string, [type: string, labels: string[], capability: string]> = {
  qbm_build_info: ['gauge', ['service', 'version'], 'core'],
  label_values_folded_total: ['counter', ['metric', 'label'], 'core'],
  dependency_errors_total: ['counter', ['dependency', 'reason'], 'core'],
  api_requests_total: ['counter', ['method', 'endpoint', 'status'], 'http'],
  api_request_duration_seconds: ['histogram', ['method', 'endpoint'], 'http'],
  active_connections: ['gauge', [], 'database'],
  db_query_duration_seconds: ['histogram', ['operation'], 'database'],
  db_connection_pool_size: ['gauge', [], 'database'],
  db_connection_pool_max: ['gauge', [], 'database'],
  db_slow_queries_total: ['counter', ['operation'], 'database'],
  db_query_errors_total: ['counter', ['operation'], 'database'],
  cache_hits_total: ['counter', ['cache_type'], 'cache'],
  cache_misses_total: ['counter', ['cache_type'], 'cache'],
  cache_size_bytes: ['gauge', ['cache_type'], 'cache'],
  cache_operation_duration_seconds: ['histogram', ['cache_type', 'operation'], 'cache'],
  redis_memory_used_bytes: ['gauge', [], 'cache'],
  redis_memory_max_bytes: ['gauge', [], 'cache'],
  queue_jobs: ['gauge', ['queue', 'state'], 'queue'],
  queue_jobs_processed_total: ['counter', ['queue', 'job_name', 'result'], 'queue'],
  queue_job_duration_seconds: ['histogram', ['queue', 'job_name'], 'queue'],
  queue_worker_last_active_timestamp_seconds: ['gauge', ['queue'], 'queue'],
  queue_worker_restarts_total: ['counter', ['queue'], 'queue'],
  ai_predictions_total: ['counter', ['model', 'status'], 'ai'],
  ai_prediction_duration_seconds: ['histogram', ['model'], 'ai'],
  ai_model_accuracy: ['gauge', ['model'], 'ai'],
  ai_model_precision: ['gauge', ['model'], 'ai'],
  ai_model_recall: ['gauge', ['model'], 'ai'],
  ai_model_f1: ['gauge', ['model'], 'ai'],
  ai_model_brier: ['gauge', ['model'], 'ai'],
  ai_model_mape: ['gauge', ['model'], 'ai'],
  ai_model_scored_predictions: ['gauge', ['model'], 'ai'],
  ai_prediction_batch_size: ['histogram', ['model'], 'ai'],
  ai_model_info: ['gauge', ['model', 'version', 'backend'], 'ai'],
  ai_model_memory_bytes: ['gauge', ['model'], 'ai'],
  ai_prediction_cache_total: ['counter', ['model', 'result'], 'ai'],
  notifications_total: ['counter', ['channel', 'severity', 'result'], 'notifications'],
  notification_delivery_duration_seconds: ['histogram', ['channel'], 'notifications'],
  notifications_deduplicated_total: ['counter', [], 'notifications'],
};

const BUCKETS: Record<string, number[]> = {
  api_request_duration_seconds: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  db_query_duration_seconds: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  cache_operation_duration_seconds: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25],
  queue_job_duration_seconds: [0.01, 0.05, 0.1, 0.5, 1, 2, 5, 10, 30, 60, 300],
  ai_prediction_duration_seconds: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
  ai_prediction_batch_size: [1, 2, 5, 10, 50, 100, 500, 1000, 5000, 10000],
  notification_delivery_duration_seconds: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
};

describe('METRIC_CATALOGUE', () => {
  it('holds exactly the contracted metrics, with their types, labels and capabilities', () => {
    const actual = Object.fromEntries(
      METRIC_CATALOGUE.map((metric) => [metric.name, [metric.type, [...metric.labels], metric.capability]]),
    );
    expect(actual).toEqual(CONTRACT);
    expect(new Set(METRIC_CATALOGUE.map((metric) => metric.name)).size).toBe(METRIC_CATALOGUE.length);
  });

  it('keeps every histogram on its bucket edges', () => {
    const histograms = METRIC_CATALOGUE.filter((metric) => metric.type === 'histogram');
    expect(
      Object.fromEntries(histograms.map((metric) => [metric.name, 'buckets' in metric ? [...metric.buckets] : []])),
    ).toEqual(BUCKETS);
  });

  it.each(METRIC_CATALOGUE.map((metric) => [metric.name, metric] as const))(
    '%s follows the naming rules',
    (name, metric) => {
      expect(name).toMatch(/^[a-z_][a-z0-9_]*$/);
      expect(metric.help.length).toBeGreaterThan(0);
      expect(METRIC_CAPABILITIES).toContain(metric.capability);
      // Prometheus adds `le` to histograms and `job` to every scraped series.
      expect(metric.labels).not.toContain('le');
      expect(metric.labels).not.toContain('job');
      if (metric.type === 'counter') expect(name).toMatch(/_total$/);
      else expect(name).not.toMatch(/_total$/);
    },
  );
});
