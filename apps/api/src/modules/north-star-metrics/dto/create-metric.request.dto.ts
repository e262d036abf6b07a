import { BooleanField, EnumField, NumberField, StringField, UuidField } from '@qbm/http';
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

export class CreateMetricRequestDto {
  @StringField({ minLength: 1, maxLength: 200, example: 'Weekly active teams' })
  name!: string;

  @StringField({ presence: 'nullable', maxLength: 10_000 })
  description?: string | null;

  @UuidField({
    presence: 'nullable',
    description: 'Strategic objective the metric serves; must exist in the organisation',
  })
  objectiveId?: string | null;

  @EnumField(METRIC_TYPES)
  type!: MetricType;

  @StringField({ presence: 'omittable', maxLength: 32, default: '', example: 'teams' })
  unit?: string;

  @EnumField(METRIC_DIRECTIONS, {
    description: 'increase needs targetValue > baselineValue, decrease needs targetValue < baselineValue',
  })
  direction!: MetricDirection;

  @NumberField({ example: 1200 })
  baselineValue!: number;

  @NumberField({ example: 2000 })
  targetValue!: number;

  @EnumField(MEASUREMENT_FREQUENCIES)
  frequency!: MeasurementFrequency;

  @BooleanField({
    presence: 'omittable',
    default: false,
    description: 'At most one primary metric per organisation: setting it clears the flag on the previous one',
  })
  isPrimary?: boolean;

  @EnumField(METRIC_STATUSES, { presence: 'omittable', default: 'active' })
  status?: MetricStatus;
}
