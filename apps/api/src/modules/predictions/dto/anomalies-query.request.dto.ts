import { DateField } from '@qbm/http';

export class AnomaliesQueryRequestDto {
  @DateField({ presence: 'omittable', description: 'First day scored (default: every stored value).' })
  from?: string;

  @DateField({ presence: 'omittable', description: 'Last day scored (default: the latest value).' })
  to?: string;
}
