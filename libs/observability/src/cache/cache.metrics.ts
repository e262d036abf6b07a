import { Inject, Injectable } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import { CardinalityGuard } from '../metrics/cardinality-guard';
import type { CatalogueMetric } from '../metrics/metric-catalogue';
import { CACHE_OPERATIONS } from '../metrics/metric-labels';
import { CACHE_TYPES } from './cache-types.token';

@Injectable()
export class CacheMetrics {
  constructor(
    @InjectMetric('cache_hits_total') readonly cacheHits: CatalogueMetric<'cache_hits_total'>,
    @InjectMetric('cache_misses_total') readonly cacheMisses: CatalogueMetric<'cache_misses_total'>,
    @InjectMetric('cache_size_bytes') readonly cacheSize: CatalogueMetric<'cache_size_bytes'>,
    @InjectMetric('cache_operation_duration_seconds')
    readonly cacheOperationDuration: CatalogueMetric<'cache_operation_duration_seconds'>,
    @InjectMetric('redis_memory_used_bytes') readonly redisMemoryUsedBytes: CatalogueMetric<'redis_memory_used_bytes'>,
    @InjectMetric('redis_memory_max_bytes') readonly redisMemoryMaxBytes: CatalogueMetric<'redis_memory_max_bytes'>,
    @Inject(CACHE_TYPES) cacheTypes: readonly string[],
    guard: CardinalityGuard,
  ) {
    guard.bound(cacheHits);
    guard.bound(cacheMisses);
    guard.bound(cacheSize);
    guard.bound(cacheOperationDuration);
    // The app's cache types exist at zero from the first scrape, so hit ratios and absent() behave.
    for (const cache_type of cacheTypes) {
      cacheHits.inc({ cache_type }, 0);
      cacheMisses.inc({ cache_type }, 0);
      cacheSize.set({ cache_type }, 0);
      for (const operation of CACHE_OPERATIONS) cacheOperationDuration.zero({ cache_type, operation });
    }
  }
}
