import type { MetricDefinition } from '../metrics/metric-definition';

// An edge on the 100 ms slow-query threshold.
const DB_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] as const;

export const DATABASE_METRICS = [
  {
    name: 'active_connections',
    type: 'gauge',
    help: 'Active database connections (open in the pool)',
    labels: [],
    capability: 'database',
    readAtScrape: true,
  },
  {
    name: 'db_query_duration_seconds',
    type: 'histogram',
    help: 'Database query duration',
    labels: ['operation'],
    buckets: DB_BUCKETS,
    capability: 'database',
  },
  {
    name: 'db_connection_pool_size',
    type: 'gauge',
    help: 'Database connections in use',
    labels: [],
    capability: 'database',
    readAtScrape: true,
  },
  {
    name: 'db_connection_pool_max',
    type: 'gauge',
    help: 'Database connection pool capacity',
    labels: [],
    capability: 'database',
    readAtScrape: true,
  },
  {
    name: 'db_slow_queries_total',
    type: 'counter',
    help: 'Queries slower than the slow-query threshold',
    labels: ['operation'],
    capability: 'database',
  },
  {
    name: 'db_query_errors_total',
    type: 'counter',
    help: 'Queries the database rejected',
    labels: ['operation'],
    capability: 'database',
  },
] as const satisfies readonly MetricDefinition[];
