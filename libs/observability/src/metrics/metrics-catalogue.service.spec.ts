import { MetricsCatalogue } from './metrics-catalogue.service';
import type { ObservabilityOptions } from '../observability-options';

const OPTIONS: ObservabilityOptions = {
  service: 'inference',
  version: '1.2.3',
  logLevel: 'info',
  logPretty: false,
  slowQueryMs: 100,
  labelValueCap: 5,
};

describe('MetricsCatalogue', () => {
  let catalogue: MetricsCatalogue;
  let text: string;

  beforeEach(async () => {
    catalogue = new MetricsCatalogue(OPTIONS);
    text = await catalogue.metrics();
  });

  it.each([
    ['api_requests_total', 'counter'],
    ['api_request_duration_seconds', 'histogram'],
    ['active_connections', 'gauge'],
    ['ai_predictions_total', 'counter'],
    ['ai_prediction_duration_seconds', 'histogram'],
    ['ai_model_accuracy', 'gauge'],
    ['db_query_duration_seconds', 'histogram'],
    ['db_connection_pool_size', 'gauge'],
    ['db_connection_pool_max', 'gauge'],
    ['db_slow_queries_total', 'counter'],
    ['db_query_errors_total', 'counter'],
    ['cache_hits_total', 'counter'],
    ['cache_misses_total', 'counter'],
    ['cache_size_bytes', 'gauge'],
    ['cache_operation_duration_seconds', 'histogram'],
    ['redis_memory_used_bytes', 'gauge'],
    ['redis_memory_max_bytes', 'gauge'],
    ['queue_jobs', 'gauge'],
    ['queue_jobs_processed_total', 'counter'],
    ['queue_job_duration_seconds', 'histogram'],
    ['queue_worker_last_active_timestamp_seconds', 'gauge'],
    ['label_values_folded_total', 'counter'],
    ['qbm_build_info', 'gauge'],
    ['process_cpu_seconds_total', 'counter'],
    ['nodejs_eventloop_lag_seconds', 'gauge'],
  ])('exposes %s as a %s', (name, type) => {
    expect(text).toContain(`# TYPE ${name} ${type}\n`);
  });

  it('keeps prom-client counter names as declared (the guide names end in _total)', () => {
    expect(catalogue.cacheHits).toBe(catalogue.registry.getSingleMetric('cache_hits_total'));
    expect(catalogue.apiRequestsTotal).toBe(catalogue.registry.getSingleMetric('api_requests_total'));
  });

  it('reports the service and version in qbm_build_info', () => {
    expect(text).toContain('qbm_build_info{service="inference",version="1.2.3"} 1');
  });

  it('starts the known cache types and query operations at zero', () => {
    for (const cacheType of ['objectives', 'metrics', 'okrs', 'predictions']) {
      expect(text).toContain(`cache_hits_total{cache_type="${cacheType}"} 0`);
      expect(text).toContain(`cache_misses_total{cache_type="${cacheType}"} 0`);
    }
    for (const operation of ['select', 'insert', 'update', 'delete', 'other']) {
      expect(text).toContain(`db_query_duration_seconds_count{operation="${operation}"} 0`);
      expect(text).toContain(`db_slow_queries_total{operation="${operation}"} 0`);
    }
  });

  it('has bucket edges on the guide thresholds', async () => {
    catalogue.apiRequestDuration.zero({ method: 'GET', endpoint: '/x' });
    catalogue.seedModel('m');
    const after = await catalogue.metrics();
    expect(after).toContain('api_request_duration_seconds_bucket{le="0.5",method="GET",endpoint="/x"} 0');
    expect(after).toContain('api_request_duration_seconds_bucket{le="1",method="GET",endpoint="/x"} 0');
    expect(after).toContain('db_query_duration_seconds_bucket{le="0.1",operation="select"} 0');
    expect(after).toContain('cache_operation_duration_seconds_bucket{le="0.01",cache_type="okrs",operation="get"} 0');
    expect(after).toContain('ai_prediction_duration_seconds_bucket{le="2",model="m"} 0');
  });

  it('seeds a model and a queue at zero on request', async () => {
    catalogue.seedModel('okr-success');
    catalogue.seedQueue('predictions', ['predict-okr']);
    const after = await catalogue.metrics();
    expect(after).toContain('ai_predictions_total{model="okr-success",status="success"} 0');
    expect(after).toContain('ai_predictions_total{model="okr-success",status="error"} 0');
    expect(after).toContain('queue_jobs{queue="predictions",state="waiting"} 0');
    expect(after).toContain('queue_jobs_processed_total{queue="predictions",job_name="predict-okr",result="failed"} 0');
  });

  it('guards every labelled metric with the configured cap', async () => {
    for (let i = 0; i < 20; i++) catalogue.aiModelAccuracy.set({ model: `model-${i}` }, 0.9);
    const after = await catalogue.metrics();
    expect(after.match(/^ai_model_accuracy\{/gm)).toHaveLength(6);
    expect(after).toContain('ai_model_accuracy{model="other"} 0.9');
    expect(after).toContain('label_values_folded_total{metric="ai_model_accuracy",label="model"} 15');
  });

  it('reads scrape-time gauges through their hooks on every scrape', async () => {
    let connections = 3;
    catalogue.onScrape([catalogue.activeConnections], () => {
      catalogue.activeConnections.set(connections);
    });
    expect(await catalogue.metrics()).toContain('\nactive_connections 3\n');
    connections = 7;
    expect(await catalogue.metrics()).toContain('\nactive_connections 7\n');
  });

  it('keeps one registry per catalogue, so two services in one test process do not clash', () => {
    const other = new MetricsCatalogue({ ...OPTIONS, service: 'api' });
    expect(other.registry).not.toBe(catalogue.registry);
  });
});
