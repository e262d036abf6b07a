import { Inject, Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DEFAULT_LABEL_VALUE_CAP, OBSERVABILITY_OPTIONS, type ObservabilityOptions } from '../observability-options';
import { CardinalityGuard } from './cardinality-guard';
import {
  CACHE_OPERATIONS,
  CACHE_TYPES,
  DB_OPERATIONS,
  PREDICTION_STATUSES,
  QUEUE_JOB_RESULTS,
  QUEUE_JOB_STATES,
} from './metric-labels';

// Edges on the guide's thresholds: API 0.5 s average / 1 s p95, queries 100 ms, cache 10 ms, predictions 2 s.
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const DB_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const CACHE_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25];
const PREDICTION_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30];
const JOB_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 2, 5, 10, 30, 60, 300];
// prom-client's gauges named *_total fail `promtool check metrics`; the per-type gauges
// (nodejs_active_handles{type}, ...) carry the same numbers.
const LINT_FAILING_DEFAULT_METRICS = [
  'nodejs_active_handles_total',
  'nodejs_active_requests_total',
  'nodejs_active_resources_total',
];

// The metric names are a contract with Prometheus alert rules and Grafana dashboards: never rename.
@Injectable()
export class MetricsCatalogue {
  readonly registry = new Registry();
  readonly guard: CardinalityGuard;
  private readonly scrapeHooks = new Map<Gauge, Array<() => void | Promise<void>>>();
  readonly buildInfo: Gauge<'service' | 'version'>;

  readonly apiRequestsTotal: Counter<'method' | 'endpoint' | 'status'>;
  readonly apiRequestDuration: Histogram<'method' | 'endpoint'>;
  readonly activeConnections: Gauge;

  readonly aiPredictionsTotal: Counter<'model' | 'status'>;
  readonly aiPredictionDuration: Histogram<'model'>;
  readonly aiModelAccuracy: Gauge<'model'>;

  readonly dbQueryDuration: Histogram<'operation'>;
  readonly dbConnectionPoolSize: Gauge;
  readonly dbConnectionPoolMax: Gauge;
  readonly dbSlowQueriesTotal: Counter<'operation'>;
  readonly dbQueryErrorsTotal: Counter<'operation'>;

  readonly cacheHits: Counter<'cache_type'>;
  readonly cacheMisses: Counter<'cache_type'>;
  readonly cacheSize: Gauge<'cache_type'>;
  readonly cacheOperationDuration: Histogram<'cache_type' | 'operation'>;
  readonly redisMemoryUsedBytes: Gauge;
  readonly redisMemoryMaxBytes: Gauge;

  readonly queueJobs: Gauge<'queue' | 'state'>;
  readonly queueJobsProcessedTotal: Counter<'queue' | 'job_name' | 'result'>;
  readonly queueJobDuration: Histogram<'queue' | 'job_name'>;
  readonly queueWorkerLastActive: Gauge<'queue'>;

  constructor(@Inject(OBSERVABILITY_OPTIONS) options: ObservabilityOptions) {
    collectDefaultMetrics({ register: this.registry });
    for (const name of LINT_FAILING_DEFAULT_METRICS) this.registry.removeSingleMetric(name);
    this.guard = new CardinalityGuard(this.registry, options.labelValueCap ?? DEFAULT_LABEL_VALUE_CAP);

    this.buildInfo = this.gauge('qbm_build_info', 'Service name and version; always 1', ['service', 'version']);
    this.buildInfo.set({ service: options.service, version: options.version }, 1);

    this.apiRequestsTotal = this.counter('api_requests_total', 'Total API requests', ['method', 'endpoint', 'status']);
    this.apiRequestDuration = this.histogram(
      'api_request_duration_seconds',
      'API request duration',
      ['method', 'endpoint'],
      HTTP_BUCKETS,
    );
    this.activeConnections = this.scrapedGauge('active_connections', 'Active database connections (open in the pool)');

    this.aiPredictionsTotal = this.counter('ai_predictions_total', 'Total AI predictions', ['model', 'status']);
    this.aiPredictionDuration = this.histogram(
      'ai_prediction_duration_seconds',
      'AI prediction duration',
      ['model'],
      PREDICTION_BUCKETS,
    );
    this.aiModelAccuracy = this.gauge('ai_model_accuracy', 'AI model accuracy', ['model']);

    this.dbQueryDuration = this.histogram(
      'db_query_duration_seconds',
      'Database query duration',
      ['operation'],
      DB_BUCKETS,
    );
    this.dbConnectionPoolSize = this.scrapedGauge('db_connection_pool_size', 'Database connections in use');
    this.dbConnectionPoolMax = this.scrapedGauge('db_connection_pool_max', 'Database connection pool capacity');
    this.dbSlowQueriesTotal = this.counter('db_slow_queries_total', 'Queries slower than the slow-query threshold', [
      'operation',
    ]);

    this.dbQueryErrorsTotal = this.counter('db_query_errors_total', 'Queries the database rejected', ['operation']);

    this.cacheHits = this.counter('cache_hits_total', 'Cache hits', ['cache_type']);
    this.cacheMisses = this.counter('cache_misses_total', 'Cache misses', ['cache_type']);
    this.cacheSize = this.gauge('cache_size_bytes', 'Cache size in bytes', ['cache_type']);
    this.cacheOperationDuration = this.histogram(
      'cache_operation_duration_seconds',
      'Cache operation duration',
      ['cache_type', 'operation'],
      CACHE_BUCKETS,
    );
    this.redisMemoryUsedBytes = this.scrapedGauge('redis_memory_used_bytes', 'Redis used_memory');
    this.redisMemoryMaxBytes = this.scrapedGauge('redis_memory_max_bytes', 'Redis maxmemory (0 = no limit)');

    this.queueJobs = this.scrapedGauge('queue_jobs', 'Jobs per queue and state', ['queue', 'state']);
    this.queueJobsProcessedTotal = this.counter('queue_jobs_processed_total', 'Jobs finished by a worker', [
      'queue',
      'job_name',
      'result',
    ]);
    this.queueJobDuration = this.histogram(
      'queue_job_duration_seconds',
      'Job processing duration',
      ['queue', 'job_name'],
      JOB_BUCKETS,
    );
    this.queueWorkerLastActive = this.gauge(
      'queue_worker_last_active_timestamp_seconds',
      'Unix time a worker of the queue last finished a job',
      ['queue'],
    );

    this.seedKnownSeries();
  }

  // Creates the zero series of a model, so its error rate exists before its first failure.
  seedModel(model: string): void {
    for (const status of PREDICTION_STATUSES) this.aiPredictionsTotal.inc({ model, status }, 0);
    this.aiPredictionDuration.zero({ model });
  }

  seedQueue(queue: string, jobNames: readonly string[]): void {
    for (const state of QUEUE_JOB_STATES) this.queueJobs.set({ queue, state }, 0);
    for (const job_name of jobNames) {
      for (const result of QUEUE_JOB_RESULTS) this.queueJobsProcessedTotal.inc({ queue, job_name, result }, 0);
      this.queueJobDuration.zero({ queue, job_name });
    }
  }

  // Runs `hook` whenever one of `gauges` is collected, so their values are read at scrape time.
  onScrape(gauges: ReadonlyArray<Gauge<string>>, hook: () => void | Promise<void>): void {
    for (const gauge of gauges) {
      const hooks = this.scrapeHooks.get(gauge) ?? [];
      hooks.push(hook);
      this.scrapeHooks.set(gauge, hooks);
    }
  }

  metrics(): Promise<string> {
    return this.registry.metrics();
  }

  private seedKnownSeries(): void {
    for (const operation of DB_OPERATIONS) {
      this.dbQueryDuration.zero({ operation });
      this.dbSlowQueriesTotal.inc({ operation }, 0);
      this.dbQueryErrorsTotal.inc({ operation }, 0);
    }
    for (const cache_type of CACHE_TYPES) {
      this.cacheHits.inc({ cache_type }, 0);
      this.cacheMisses.inc({ cache_type }, 0);
      this.cacheSize.set({ cache_type }, 0);
      for (const operation of CACHE_OPERATIONS) this.cacheOperationDuration.zero({ cache_type, operation });
    }
  }

  private scrapedGauge<L extends string = never>(name: string, help: string, labelNames: L[] = []): Gauge<L> {
    const hooks = this.scrapeHooks;
    const gauge = new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect(this: Gauge<L>): Promise<void> {
        for (const hook of hooks.get(this) ?? []) await hook();
      },
    });
    return this.guard.bound(gauge);
  }

  private counter<L extends string>(name: string, help: string, labelNames: L[]): Counter<L> {
    return this.guard.bound(new Counter({ name, help, labelNames, registers: [this.registry] }));
  }

  private gauge<L extends string>(name: string, help: string, labelNames: L[]): Gauge<L> {
    return this.guard.bound(new Gauge({ name, help, labelNames, registers: [this.registry] }));
  }

  private histogram<L extends string>(name: string, help: string, labelNames: L[], buckets: number[]): Histogram<L> {
    return this.guard.bound(new Histogram({ name, help, labelNames, buckets, registers: [this.registry] }));
  }
}
