import { ApiProperty } from '@nestjs/swagger';
import { MetricResponseDto } from './metric.response.dto';

export class MetricValuePointDto {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty() value!: number;
}

export class MetricValuesResponseDto {
  @ApiProperty({ format: 'uuid' }) metricId!: string;
  @ApiProperty({
    type: [MetricValuePointDto],
    description: 'Ascending by date; at most the 10,000 latest points of the range',
  })
  data!: MetricValuePointDto[];
}

export class IngestMetricValuesResponseDto {
  @ApiProperty({ description: 'Values in the request' }) received!: number;
  @ApiProperty({ description: 'Dates that had no value before' }) inserted!: number;
  @ApiProperty({ description: 'Dates whose value was replaced' }) updated!: number;
  @ApiProperty({ type: MetricResponseDto, description: 'The metric with its recomputed current value and health' })
  metric!: MetricResponseDto;
}
