import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNumber, Matches, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '@qbm/http';

export const MAX_VALUES_PER_BATCH = 10_000;

export class MetricValueInputDto {
  @ApiProperty({
    format: 'date',
    example: '2026-03-31',
    description: 'Measurement date; a second value for the same date replaces the first',
  })
  // Postgres has no year 0.
  @IsCalendarDate()
  @Matches(/^(?!0000)/, { message: 'date must be after the year 0000' })
  date!: string;

  @ApiProperty({ example: 1534.5 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value!: number;
}

export class IngestMetricValuesRequestDto {
  @ApiProperty({
    type: [MetricValueInputDto],
    minItems: 1,
    maxItems: MAX_VALUES_PER_BATCH,
    description: 'Dates must be distinct within one request',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_VALUES_PER_BATCH)
  @ValidateNested({ each: true })
  @Type(() => MetricValueInputDto)
  values!: MetricValueInputDto[];
}
