import type { MetricsCapability } from '../metrics/metrics-capability';
import { CACHE_TYPES } from './cache-types.token';
import { CacheMetrics } from './cache.metrics';
import { RedisInstrumentation } from './redis-instrumentation.service';

// Hits, misses, sizes and operation times per cache type, plus Redis memory; `cacheTypes` are the
// app's own (the API's objectives, metrics, okrs, predictions) and start at zero.
export function cacheMetrics(options: { cacheTypes: readonly string[] }): MetricsCapability {
  return {
    capability: 'cache',
    providers: [{ provide: CACHE_TYPES, useValue: [...options.cacheTypes] }, CacheMetrics, RedisInstrumentation],
    exports: [CacheMetrics, RedisInstrumentation],
  };
}
