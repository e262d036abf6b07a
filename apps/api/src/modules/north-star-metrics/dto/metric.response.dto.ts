import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../../common/pagination/page';
import {
  HEALTH_BANDS,
  HealthBand,
  MEASUREMENT_FREQUENCIES,
  METRIC_DIRECTIONS,
  METRIC_STATUSES,
  METRIC_TYPES,
  MeasurementFrequency,
  MetricDirection,
  MetricStatus,
  MetricType,
  NorthStarMetric,
} from '../entities/north-star-metric.entity';

export class MetricResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'NSM-000001' }) code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) objectiveId!: string | null;
  @ApiProperty({ enum: METRIC_TYPES }) type!: MetricType;
  @ApiProperty() unit!: string;
  @ApiProperty({ enum: METRIC_DIRECTIONS }) direction!: MetricDirection;
  @ApiProperty() baselineValue!: number;
  @ApiProperty() targetValue!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'The value at the latest measurement date' })
  currentValue!: number | null;
  @ApiProperty({ enum: MEASUREMENT_FREQUENCIES }) frequency!: MeasurementFrequency;
  @ApiProperty() isPrimary!: boolean;
  @ApiProperty({ enum: METRIC_STATUSES }) status!: MetricStatus;
  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 1,
    description: 'Recomputed whenever values arrive; null without values',
  })
  healthScore!: number | null;
  @ApiProperty({ enum: HEALTH_BANDS, nullable: true }) healthBand!: HealthBand | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When values last arrived' })
  lastUpdated!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(m: NorthStarMetric): MetricResponseDto {
    return {
      id: m.id,
      code: m.code,
      name: m.name,
      description: m.description,
      objectiveId: m.objectiveId,
      type: m.type,
      unit: m.unit,
      direction: m.direction,
      baselineValue: m.baselineValue,
      targetValue: m.targetValue,
      currentValue: m.currentValue,
      frequency: m.frequency,
      isPrimary: m.isPrimary,
      status: m.status,
      healthScore: m.healthScore,
      healthBand: m.healthBand,
      lastUpdated: m.lastUpdated ? m.lastUpdated.toISOString() : null,
      createdAt: m.createdAt.toISOString(),
      updatedAt: m.updatedAt.toISOString(),
    };
  }
}

export const MetricPageResponseDto = PageOf(MetricResponseDto, 'MetricPage');
