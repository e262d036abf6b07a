import { ApiProperty } from '@nestjs/swagger';
import { HEALTH_BANDS, HealthBand } from '../entities/north-star-metric.entity';

export class HealthComponentsDto {
  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 1 }) achievement!: number | null;
  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 1 }) trend!: number | null;
  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 1 }) completeness!: number | null;
  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 1 }) stability!: number | null;
  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 1 }) importance!: number | null;
}

export class MetricHealthResponseDto {
  @ApiProperty({ format: 'uuid' }) metricId!: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 1,
    description: 'null while the metric has no values',
  })
  score!: number | null;
  @ApiProperty({ enum: HEALTH_BANDS, nullable: true }) band!: HealthBand | null;
  @ApiProperty({
    type: HealthComponentsDto,
    description: 'Each part in [0,1]; all but importance are null without values',
  })
  components!: HealthComponentsDto;
  @ApiProperty({ type: HealthComponentsDto, description: 'The weight of each part in the score' })
  weights!: HealthComponentsDto;
  @ApiProperty({ format: 'date-time' }) computedAt!: string;
  @ApiProperty({ description: 'Stored values of the metric' }) dataPoints!: number;
}
