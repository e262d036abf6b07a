import { DateField, IntField } from '@qbm/http';

export class ForecastQueryRequestDto {
  @IntField({
    presence: 'omittable',
    query: true,
    minimum: 1,
    maximum: 366,
    default: 12,
    description: 'Steps at the metric frequency.',
  })
  horizon?: number;

  @DateField({
    presence: 'omittable',
    description: 'Forecast from the values up to this day (default: the latest value).',
  })
  origin?: string;
}
