import { Injectable } from '@nestjs/common';
import { Principal } from '@qbm/http';
import { ReadCacheService } from '../../../common/cache/read-cache.service';
import { metricCode } from '../../../common/codes/code-format';
import { CodeSequenceService } from '../../../common/codes/code-sequence.service';
import { ObjectivesRepository } from '../../objectives/objectives.repository';
import { CreateMetricRequestDto } from '../dto/create-metric.request.dto';
import { MetricResponseDto } from '../dto/metric.response.dto';
import { MetricErrors } from '../north-star-metrics.errors';
import { NorthStarMetricsRepository } from '../north-star-metrics.repository';
import { PrimaryMetricService } from '../primary-metric.service';
import { targetFitsDirection } from '../target-direction';

@Injectable()
export class CreateMetricUseCase {
  constructor(
    private readonly metrics: NorthStarMetricsRepository,
    private readonly objectives: ObjectivesRepository,
    private readonly primary: PrimaryMetricService,
    private readonly codes: CodeSequenceService,
    private readonly cache: ReadCacheService,
  ) {}

  async execute(principal: Principal, dto: CreateMetricRequestDto): Promise<MetricResponseDto> {
    const org = principal.organizationId;
    if (!targetFitsDirection(dto.direction, dto.baselineValue, dto.targetValue))
      throw MetricErrors.targetAgainstDirection(dto.direction);
    const saved = await this.metrics.transaction(async (manager) => {
      if (dto.objectiveId && !(await this.objectives.exists(org, dto.objectiveId, manager)))
        throw MetricErrors.objectiveNotFound(dto.objectiveId);
      const isPrimary = dto.isPrimary ?? false;
      if (isPrimary) {
        await this.primary.lock(manager, org);
        await this.primary.demoteOthers(manager, org, null);
      }
      const metric = this.metrics.create({
        organizationId: org,
        code: metricCode(await this.codes.next(manager, org, 'NSM')),
        name: dto.name,
        description: dto.description ?? null,
        objectiveId: dto.objectiveId ?? null,
        type: dto.type,
        unit: dto.unit ?? '',
        direction: dto.direction,
        baselineValue: dto.baselineValue,
        targetValue: dto.targetValue,
        currentValue: null,
        frequency: dto.frequency,
        isPrimary,
        status: dto.status ?? 'active',
        healthScore: null,
        healthBand: null,
        lastUpdated: null,
      });
      return this.metrics.save(manager, metric);
    });
    await this.cache.invalidate(org, 'metrics');
    return MetricResponseDto.from(saved);
  }
}
