import { Injectable } from '@nestjs/common';
import { Principal } from '@qbm/http';
import { ReadCacheService } from '../../../common/cache/read-cache.service';
import { ObjectivesRepository } from '../../objectives/objectives.repository';
import { MetricResponseDto } from '../dto/metric.response.dto';
import { UpdateMetricRequestDto } from '../dto/update-metric.request.dto';
import { NorthStarMetric } from '../entities/north-star-metric.entity';
import { MetricHealthService } from '../metric-health.service';
import { MetricErrors } from '../north-star-metrics.errors';
import { NorthStarMetricsRepository } from '../north-star-metrics.repository';
import { PrimaryMetricService } from '../primary-metric.service';
import { targetFitsDirection } from '../target-direction';

// The fields the health score reads; changing any of them recomputes the stored score.
function healthInputs(m: NorthStarMetric): string {
  return JSON.stringify([m.direction, m.baselineValue, m.targetValue, m.frequency, m.isPrimary, m.objectiveId]);
}

@Injectable()
export class UpdateMetricUseCase {
  constructor(
    private readonly metrics: NorthStarMetricsRepository,
    private readonly objectives: ObjectivesRepository,
    private readonly primary: PrimaryMetricService,
    private readonly health: MetricHealthService,
    private readonly cache: ReadCacheService,
  ) {}

  async execute(principal: Principal, id: string, dto: UpdateMetricRequestDto): Promise<MetricResponseDto> {
    const org = principal.organizationId;
    const saved = await this.metrics.transaction(async (manager) => {
      if (dto.isPrimary === true) await this.primary.lock(manager, org);
      const metric = await this.metrics.findForUpdate(manager, org, id);
      if (!metric) throw MetricErrors.notFound(id);
      if (
        dto.objectiveId &&
        dto.objectiveId !== metric.objectiveId &&
        !(await this.objectives.exists(org, dto.objectiveId, manager))
      ) {
        throw MetricErrors.objectiveNotFound(dto.objectiveId);
      }
      const before = healthInputs(metric);
      const wasPrimary = metric.isPrimary;
      Object.assign(metric, Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)));
      if (!targetFitsDirection(metric.direction, metric.baselineValue, metric.targetValue))
        throw MetricErrors.targetAgainstDirection(metric.direction);
      if (metric.isPrimary && !wasPrimary) await this.primary.demoteOthers(manager, org, metric.id);
      if (healthInputs(metric) !== before) await this.health.refresh(manager, metric);
      return this.metrics.save(manager, metric);
    });
    await this.cache.invalidate(org, 'metrics');
    return MetricResponseDto.from(saved);
  }
}
