import { Injectable } from '@nestjs/common';
import { Principal } from '@qbm/http';
import { CacheTags } from '../../../common/cache/cache-tags';
import { ReadCacheService } from '../../../common/cache/read-cache.service';
import { duplicateDateProblems } from '../domain/duplicate-dates';
import { IngestMetricValuesRequestDto } from '../dto/ingest-metric-values.request.dto';
import { IngestMetricValuesResponseDto } from '../dto/metric-values.response.dto';
import { MetricResponseDto } from '../dto/metric.response.dto';
import { MetricValuesRepository } from '../metric-values.repository';
import { MetricErrors } from '../north-star-metrics.errors';
import { NorthStarMetricsRepository } from '../north-star-metrics.repository';

// Up to 10,000 values in one transaction: upsert them in one statement, then recompute the current value,
// last-updated time and health on the locked metric row. Either all of it lands or none of it.
@Injectable()
export class IngestMetricValuesUseCase {
  constructor(
    private readonly metrics: NorthStarMetricsRepository,
    private readonly values: MetricValuesRepository,
    private readonly cache: ReadCacheService,
  ) {}

  async execute(
    principal: Principal,
    id: string,
    dto: IngestMetricValuesRequestDto,
  ): Promise<IngestMetricValuesResponseDto> {
    const duplicates = duplicateDateProblems(dto.values);
    if (duplicates.length > 0) throw MetricErrors.duplicateDates(duplicates);
    const org = principal.organizationId;
    const { counts, metric } = await this.metrics.inTransaction(async (tx) => {
      const locked = await this.metrics.findForUpdate(tx, org, id);
      if (!locked) throw MetricErrors.notFound(id);
      const written = await this.values.upsert(tx, org, id, dto.values);
      locked.lastUpdated = new Date();
      return { counts: written, metric: await this.metrics.saveWithHealth(tx, locked) };
    });
    // The current value, last update and health shown by the metric's view and its list rows.
    await this.cache.invalidate('metrics', org, [CacheTags.metric(id), CacheTags.list]);
    return { received: dto.values.length, ...counts, metric: MetricResponseDto.from(metric) };
  }
}
