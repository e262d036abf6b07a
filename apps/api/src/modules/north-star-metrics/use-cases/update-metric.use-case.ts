import { Injectable } from '@nestjs/common';
import { Principal } from '@qbm/http';
import { CacheTags } from '../../../common/cache/cache-tags';
import { ReadCacheService } from '../../../common/cache/read-cache.service';
import { ObjectivesRepository } from '../../objectives/objectives.repository';
import { healthInputsFingerprint } from '../domain/metric-health-evaluation';
import { targetFitsDirection } from '../domain/target-direction';
import { MetricResponseDto } from '../dto/metric.response.dto';
import { UpdateMetricRequestDto } from '../dto/update-metric.request.dto';
import { MetricErrors } from '../north-star-metrics.errors';
import { NorthStarMetricsRepository } from '../north-star-metrics.repository';

@Injectable()
export class UpdateMetricUseCase {
  constructor(
    private readonly metrics: NorthStarMetricsRepository,
    private readonly objectives: ObjectivesRepository,
    private readonly cache: ReadCacheService,
  ) {}

  async execute(principal: Principal, id: string, dto: UpdateMetricRequestDto): Promise<MetricResponseDto> {
    const org = principal.organizationId;
    let demotedId: string | null = null;
    const saved = await this.metrics.inTransaction(async (tx) => {
      if (dto.isPrimary === true) await this.metrics.lockPrimaryFlag(tx, org);
      const metric = await this.metrics.findForUpdate(tx, org, id);
      if (!metric) throw MetricErrors.notFound(id);
      if (
        dto.objectiveId &&
        dto.objectiveId !== metric.objectiveId &&
        !(await this.objectives.exists(org, dto.objectiveId, tx))
      ) {
        throw MetricErrors.objectiveNotFound(dto.objectiveId);
      }
      const before = healthInputsFingerprint(metric);
      const wasPrimary = metric.isPrimary;
      Object.assign(metric, Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)));
      if (!targetFitsDirection(metric.direction, metric.baselineValue, metric.targetValue))
        throw MetricErrors.targetAgainstDirection(metric.direction);
      if (metric.isPrimary && !wasPrimary) demotedId = await this.metrics.demotePrimaryExcept(tx, org, metric.id);
      const healthIsStale = healthInputsFingerprint(metric) !== before;
      return healthIsStale ? this.metrics.saveWithHealth(tx, metric) : this.metrics.save(tx, metric);
    });
    const demoted = demotedId ? [CacheTags.metric(demotedId)] : [];
    await this.cache.invalidate('metrics', org, [CacheTags.metric(id), CacheTags.list, ...demoted]);
    return MetricResponseDto.from(saved);
  }
}
