import type { MetricDefinition } from '../metrics/metric-definition';

// An edge on the 10 ms cache-operation objective.
const CACHE_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25] as const;

export const CACHE_METRICS = [
  { name: 'cache_hits_total', type: 'counter', help: 'Cache hits', labels: ['cache_type'], capability: 'cache' },
  { name: 'cache_misses_total', type: 'counter', help: 'Cache misses', labels: ['cache_type'], capability: 'cache' },
  {
    name: 'cache_size_bytes',
    type: 'gauge',
    help: 'Cache size in bytes',
    labels: ['cache_type'],
    capability: 'cache',
    readAtScrape: true,
  },
  {
    name: 'cache_operation_duration_seconds',
    type: 'histogram',
    help: 'Cache operation duration',
    labels: ['cache_type', 'operation'],
    buckets: CACHE_BUCKETS,
    capability: 'cache',
  },
  {
    name: 'redis_memory_used_bytes',
    type: 'gauge',
    help: 'Redis used_memory',
    labels: [],
    capability: 'cache',
    readAtScrape: true,
  },
  {
    name: 'redis_memory_max_bytes',
    type: 'gauge',
    help: 'Redis maxmemory (0 = no limit)',
    labels: [],
    capability: 'cache',
    readAtScrape: true,
  },
] as const satisfies readonly MetricDefinition[];
