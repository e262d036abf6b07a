import { Injectable } from '@nestjs/common';
import { Principal } from '@qbm/http';
import { CacheEntry, CacheTags } from '../../common/cache/cache-tags';
import { ReadCacheService } from '../../common/cache/read-cache.service';
import { Page, mapPage } from '../../common/pagination/page';
import { ListMetricValuesRequestDto, MAX_VALUES_PER_READ } from './dto/list-metric-values.request.dto';
import { ListMetricsRequestDto } from './dto/list-metrics.request.dto';
import { MetricHealthResponseDto } from './dto/metric-health.response.dto';
import { MetricValuesResponseDto } from './dto/metric-values.response.dto';
import { MetricResponseDto } from './dto/metric.response.dto';
import { evaluateMetricHealth } from './domain/metric-health-evaluation';
import { HEALTH_WEIGHTS } from './domain/metric-health-score';
import { MetricValuesRepository } from './metric-values.repository';
import { MetricErrors } from './north-star-metrics.errors';
import { NorthStarMetricsRepository } from './north-star-metrics.repository';

@Injectable()
export class NorthStarMetricsService {
  // The read cache's entries, shared with the cached-read fast path so both ask for the same key.
  static entryById(id: string): CacheEntry {
    return { key: `id:${id}`, tags: [CacheTags.metric(id)] };
  }

  static listEntry(query: ListMetricsRequestDto): CacheEntry {
    return { key: `list:${JSON.stringify(query)}`, tags: [CacheTags.list] };
  }

  constructor(
    private readonly metrics: NorthStarMetricsRepository,
    private readonly values: MetricValuesRepository,
    private readonly cache: ReadCacheService,
  ) {}

  get(principal: Principal, id: string): Promise<MetricResponseDto> {
    return this.cache.getOrLoad(
      'metrics',
      principal.organizationId,
      NorthStarMetricsService.entryById(id),
      async () => {
        const metric = await this.metrics.findById(principal.organizationId, id);
        if (!metric) throw MetricErrors.notFound(id);
        return MetricResponseDto.from(metric);
      },
    );
  }

  list(principal: Principal, query: ListMetricsRequestDto): Promise<Page<MetricResponseDto>> {
    const entry = NorthStarMetricsService.listEntry(query);
    return this.cache.getOrLoad('metrics', principal.organizationId, entry, async () =>
      mapPage(await this.metrics.list(principal.organizationId, query), (m) => MetricResponseDto.from(m)),
    );
  }

  async remove(principal: Principal, id: string): Promise<void> {
    if (!(await this.metrics.delete(principal.organizationId, id))) throw MetricErrors.notFound(id);
    await this.cache.invalidate('metrics', principal.organizationId, [CacheTags.metric(id), CacheTags.list]);
  }

  async listValues(
    principal: Principal,
    id: string,
    query: ListMetricValuesRequestDto,
  ): Promise<MetricValuesResponseDto> {
    if (query.from && query.to && query.from > query.to) throw MetricErrors.rangeReversed();
    if (!(await this.metrics.exists(principal.organizationId, id))) throw MetricErrors.notFound(id);
    const data = await this.values.range(principal.organizationId, id, query.from, query.to, MAX_VALUES_PER_READ);
    return { metricId: id, data };
  }

  async healthOf(principal: Principal, id: string): Promise<MetricHealthResponseDto> {
    const metric = await this.metrics.findById(principal.organizationId, id);
    if (!metric) throw MetricErrors.notFound(id);
    const sample = await this.metrics.healthSample(metric);
    const { health, importance, dataPoints, asOf } = evaluateMetricHealth(metric, sample, new Date());
    return {
      metricId: id,
      score: health?.score ?? null,
      band: health?.band ?? null,
      components: health?.components ?? {
        achievement: null,
        trend: null,
        completeness: null,
        stability: null,
        importance,
      },
      weights: { ...HEALTH_WEIGHTS },
      computedAt: asOf.toISOString(),
      dataPoints,
    };
  }
}
