import { ArrayField, DateField, NumberField } from '@qbm/http';

export const MAX_VALUES_PER_BATCH = 10_000;

export class MetricValueInputDto {
  // Postgres has no year 0.
  @DateField({
    pattern: { regex: /^(?!0000)/, message: 'date must be after the year 0000' },
    example: '2026-03-31',
    description: 'Measurement date; a second value for the same date replaces the first',
  })
  date!: string;

  @NumberField({ example: 1534.5 })
  value!: number;
}

export class IngestMetricValuesRequestDto {
  @ArrayField(MetricValueInputDto, {
    minItems: 1,
    maxItems: MAX_VALUES_PER_BATCH,
    description: 'Dates must be distinct within one request',
  })
  values!: MetricValueInputDto[];
}
