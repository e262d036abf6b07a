import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNumber, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { IsOmittable } from '@qbm/http';
import {
  MEASUREMENT_FREQUENCIES,
  METRIC_DIRECTIONS,
  METRIC_STATUSES,
  METRIC_TYPES,
  MeasurementFrequency,
  MetricDirection,
  MetricStatus,
  MetricType,
} from '../entities/north-star-metric.entity';

const FINITE = { allowNaN: false, allowInfinity: false } as const;

export class CreateMetricRequestDto {
  @ApiProperty({ maxLength: 200, example: 'Weekly active teams' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ maxLength: 10_000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  description?: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: 'Strategic objective the metric serves; must exist in the organisation',
  })
  @IsOptional()
  @IsUUID()
  objectiveId?: string | null;

  @ApiProperty({ enum: METRIC_TYPES })
  @IsIn(METRIC_TYPES)
  type!: MetricType;

  @ApiPropertyOptional({ maxLength: 32, default: '', example: 'teams' })
  @IsOmittable()
  @IsString()
  @MaxLength(32)
  unit?: string;

  @ApiProperty({
    enum: METRIC_DIRECTIONS,
    description: 'increase needs targetValue > baselineValue, decrease needs targetValue < baselineValue',
  })
  @IsIn(METRIC_DIRECTIONS)
  direction!: MetricDirection;

  @ApiProperty({ example: 1200 })
  @IsNumber(FINITE)
  baselineValue!: number;

  @ApiProperty({ example: 2000 })
  @IsNumber(FINITE)
  targetValue!: number;

  @ApiProperty({ enum: MEASUREMENT_FREQUENCIES })
  @IsIn(MEASUREMENT_FREQUENCIES)
  frequency!: MeasurementFrequency;

  @ApiPropertyOptional({
    default: false,
    description: 'At most one primary metric per organisation: setting it clears the flag on the previous one',
  })
  @IsOmittable()
  @IsBoolean()
  isPrimary?: boolean;

  @ApiPropertyOptional({ enum: METRIC_STATUSES, default: 'active' })
  @IsOmittable()
  @IsIn(METRIC_STATUSES)
  status?: MetricStatus;
}
