import { Injectable } from '@nestjs/common';
import { Principal } from '@qbm/http';
import { CacheTags } from '../../../common/cache/cache-tags';
import { ReadCacheService } from '../../../common/cache/read-cache.service';
import { metricCode } from '../../../common/codes/code-format';
import { CodeSequencesRepository } from '../../../common/codes/code-sequences.repository';
import { ObjectivesRepository } from '../../objectives/objectives.repository';
import { targetFitsDirection } from '../domain/target-direction';
import { CreateMetricRequestDto } from '../dto/create-metric.request.dto';
import { MetricResponseDto } from '../dto/metric.response.dto';
import { MetricErrors } from '../north-star-metrics.errors';
import { NorthStarMetricsRepository } from '../north-star-metrics.repository';

@Injectable()
export class CreateMetricUseCase {
  constructor(
    private readonly metrics: NorthStarMetricsRepository,
    private readonly objectives: ObjectivesRepository,
    private readonly codes: CodeSequencesRepository,
    private readonly cache: ReadCacheService,
  ) {}

  async execute(principal: Principal, dto: CreateMetricRequestDto): Promise<MetricResponseDto> {
    const org = principal.organizationId;
    if (!targetFitsDirection(dto.direction, dto.baselineValue, dto.targetValue))
      throw MetricErrors.targetAgainstDirection(dto.direction);
    let demotedId: string | null = null;
    const saved = await this.metrics.inTransaction(async (tx) => {
      if (dto.objectiveId && !(await this.objectives.exists(org, dto.objectiveId, tx)))
        throw MetricErrors.objectiveNotFound(dto.objectiveId);
      const isPrimary = dto.isPrimary ?? false;
      if (isPrimary) {
        await this.metrics.lockPrimaryFlag(tx, org);
        demotedId = await this.metrics.demotePrimaryExcept(tx, org, null);
      }
      const metric = this.metrics.create({
        organizationId: org,
        code: metricCode(await this.codes.next(tx, org, 'NSM')),
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
      return this.metrics.save(tx, metric);
    });
    const demoted = demotedId ? [CacheTags.metric(demotedId)] : [];
    await this.cache.invalidate('metrics', org, [CacheTags.list, ...demoted]);
    return MetricResponseDto.from(saved);
  }
}
