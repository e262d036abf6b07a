import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { ListQueryDto } from '../../../common/pagination/list-query.dto';
import {
  HEALTH_BANDS,
  HealthBand,
  METRIC_STATUSES,
  METRIC_TYPES,
  MetricStatus,
  MetricType,
} from '../entities/north-star-metric.entity';

export const METRIC_SORT = { createdAt: 'createdAt', updatedAt: 'updatedAt', name: 'name', code: 'code' } as const;

export class ListMetricsRequestDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: Object.keys(METRIC_SORT), default: 'createdAt' })
  @IsOptional()
  @IsIn(Object.keys(METRIC_SORT))
  declare sort?: string;

  @ApiPropertyOptional({ enum: METRIC_TYPES })
  @IsOptional()
  @IsIn(METRIC_TYPES)
  type?: MetricType;

  @ApiPropertyOptional({ enum: METRIC_STATUSES })
  @IsOptional()
  @IsIn(METRIC_STATUSES)
  status?: MetricStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  objectiveId?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  isPrimary?: boolean;

  @ApiPropertyOptional({ enum: HEALTH_BANDS })
  @IsOptional()
  @IsIn(HEALTH_BANDS)
  healthBand?: HealthBand;
}
