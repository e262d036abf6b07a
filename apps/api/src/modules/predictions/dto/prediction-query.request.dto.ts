import { DateField } from '@qbm/http';

export class PredictionQueryRequestDto {
  @DateField({
    presence: 'omittable',
    description: 'Only check-ins up to the end of this day count (default: today, UTC).',
  })
  asOf?: string;
}
