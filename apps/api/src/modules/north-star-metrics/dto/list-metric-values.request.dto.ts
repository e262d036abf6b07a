import { DateField } from '@qbm/http';

export const MAX_VALUES_PER_READ = 10_000;

export class ListMetricValuesRequestDto {
  @DateField({ presence: 'omittable', description: 'First date, inclusive' })
  from?: string;

  @DateField({ presence: 'omittable', description: 'Last date, inclusive; not before from' })
  to?: string;
}
