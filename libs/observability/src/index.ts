export { TypeOrmInstrumentation } from './database/typeorm-instrumentation.service';
export { sqlOperation } from './database/sql-operation';
export { databaseCheck } from './health/database.health';
export { redisCheck } from './health/redis.health';
export { HealthRegistry, DEFAULT_CHECK_TIMEOUT_MS, type HealthCheck } from './health/health.registry';
export type { DetailedReport, ReadinessReport } from './health/health-report.service';
export { ShutdownState } from './health/shutdown-state.service';
export { CPU_WARNING_PERCENT, MEMORY_WARNING_PERCENT, DISK_WARNING_PERCENT } from './health/system-resources.probe';
export { UNMATCHED_ENDPOINT } from './http/http-metrics.recorder';
export { requestContext, currentRequestId, type RequestContextStore } from './logging/request-context';
export { REQUEST_ID_HEADER } from './logging/request-id';
export { REDACTION_PATHS } from './logging/redaction-paths';
export { RotatingFileStream, LOG_FILE_MAX_BYTES, LOG_FILE_BACKUPS } from './logging/rotating-file.stream';
export { MetricsCatalogue } from './metrics/metrics-catalogue.service';
export { MetricsPortServer } from './metrics/metrics-port.server';
export { CardinalityGuard, FOLDED_LABEL_VALUE } from './metrics/cardinality-guard';
export {
  CACHE_TYPES,
  CACHE_OPERATIONS,
  DB_OPERATIONS,
  PREDICTION_STATUSES,
  QUEUE_JOB_STATES,
  QUEUE_JOB_RESULTS,
  type DbOperation,
  type PredictionStatus,
  type QueueJobResult,
  type QueueJobState,
} from './metrics/metric-labels';
export { ObservabilityModule } from './observability.module';
export type { ObservabilityAsyncOptions } from './observability-options.module';
export { OBSERVABILITY_OPTIONS, type ObservabilityOptions } from './observability-options';
export { PublicRoute, PUBLIC_ROUTE } from './public-route.decorator';
export { RedisInstrumentation } from './redis/redis-instrumentation.service';
export { QueueInstrumentation, type QueueLike, type JobLike } from './queue/queue-instrumentation.service';
export { withRequestId, requestIdOf, JOB_REQUEST_ID_FIELD, type WithRequestId } from './queue/job-request-id';
export { queueCheck } from './health/queue.health';
