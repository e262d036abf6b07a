export { ObservabilityModule } from './observability.module';
export type { ObservabilityAsyncOptions } from './observability-options.module';
export { OBSERVABILITY_OPTIONS, type ObservabilityOptions } from './observability-options';
export { PublicRoute, PUBLIC_ROUTE } from './public-route.decorator';

// Metrics: the catalogue as data, and one capability per kind of work a service does.
export { METRIC_CATALOGUE, type CatalogueMetric, type MetricName } from './metrics/metric-catalogue';
export {
  METRIC_CAPABILITIES,
  type MetricCapabilityName,
  type MetricDefinition,
  type MetricType,
} from './metrics/metric-definition';
export type { MetricsCapability } from './metrics/metrics-capability';
export { MetricsScrapeHooks } from './metrics/scrape-hooks.service';
export { OpsPortServer } from './metrics/ops-port.server';
export { CardinalityGuard, FOLDED_LABEL_VALUE } from './metrics/cardinality-guard';
export { DependencyOutages } from './dependencies/dependency-outages.service';
export {
  CACHE_OPERATIONS,
  DB_OPERATIONS,
  NOTIFICATION_RESULTS,
  PREDICTION_STATUSES,
  QUEUE_JOB_STATES,
  QUEUE_JOB_RESULTS,
  type DbOperation,
  type NotificationResult,
  type PredictionStatus,
  type QueueJobResult,
  type QueueJobState,
} from './metrics/metric-labels';
export { httpMetrics } from './http/http-metrics.capability';
export { HttpMetrics } from './http/http.metrics';
export { UNMATCHED_ENDPOINT } from './http/http-metrics.recorder';
export { databaseMetrics } from './database/database-metrics.capability';
export { DatabaseMetrics } from './database/database.metrics';
export { TypeOrmInstrumentation } from './database/typeorm-instrumentation.service';
export { sqlOperation } from './database/sql-operation';
export { cacheMetrics } from './cache/cache-metrics.capability';
export { CacheMetrics } from './cache/cache.metrics';
export { RedisInstrumentation } from './cache/redis-instrumentation.service';
export { queueMetrics } from './queue/queue-metrics.capability';
export { QueueMetrics } from './queue/queue.metrics';
export { QueueInstrumentation, isDeferral, type QueueLike, type JobLike } from './queue/queue-instrumentation.service';
export { withRequestId, requestIdOf, JOB_REQUEST_ID_FIELD, type WithRequestId } from './queue/job-request-id';
export { aiMetrics } from './ai/ai-metrics.capability';
export { AiMetrics } from './ai/ai.metrics';
export { notificationMetrics } from './notifications/notification-metrics.capability';
export { NotificationMetrics } from './notifications/notification.metrics';
export type { NotificationVocabulary } from './notifications/notification-vocabulary.token';

// Health: registered checks run as Terminus indicators.
export { HealthRegistry, DEFAULT_CHECK_TIMEOUT_MS, type HealthCheck } from './health/health.registry';
export { databaseCheck } from './health/database.health';
export { redisCheck } from './health/redis.health';
export { queueCheck } from './health/queue.health';
export type { DetailedReport, ReadinessReport } from './health/health-report.service';
export { ShutdownState } from './health/shutdown-state.service';
export { CPU_WARNING_PERCENT, MEMORY_WARNING_PERCENT, DISK_WARNING_PERCENT } from './health/system-resources.probe';

// Logging.
export { requestContext, currentRequestId, type RequestContextStore } from './logging/request-context';
export { REQUEST_ID_HEADER } from './logging/request-id';
export { REDACTION_PATHS } from './logging/redaction-paths';
export { RotatingFileStream, LOG_FILE_MAX_BYTES, LOG_FILE_BACKUPS } from './logging/rotating-file.stream';
