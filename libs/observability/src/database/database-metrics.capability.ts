import type { MetricsCapability } from '../metrics/metrics-capability';
import { DatabaseMetrics } from './database.metrics';
import { TypeOrmInstrumentation } from './typeorm-instrumentation.service';

// Query timing, slow and failed queries, and the pool gauges; attach a DataSource with TypeOrmInstrumentation.
export function databaseMetrics(): MetricsCapability {
  return {
    capability: 'database',
    providers: [DatabaseMetrics, TypeOrmInstrumentation],
    exports: [DatabaseMetrics, TypeOrmInstrumentation],
  };
}
