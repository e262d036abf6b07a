import { ArrayField, DateField, EnumField, StringField, UuidField } from '@qbm/http';
import { OKR_PERIOD_TYPES, OkrPeriodType } from '../entities/okr.entity';
import { CreateKeyResultRequestDto } from './create-key-result.request.dto';

export const MAX_KEY_RESULTS_PER_REQUEST = 50;

export class CreateOkrRequestDto {
  @StringField({ minLength: 1, maxLength: 2000, example: 'Make onboarding effortless for mid-size customers' })
  objective!: string;

  @UuidField({
    presence: 'nullable',
    description: 'A strategic objective of the organisation (OKR.STRATEGIC_OBJECTIVE_NOT_FOUND)',
  })
  strategicObjectiveId?: string | null;

  @UuidField({
    presence: 'nullable',
    description: 'An OKR of the organisation this one contributes to (OKR.PARENT_NOT_FOUND)',
  })
  parentOkrId?: string | null;

  @EnumField(OKR_PERIOD_TYPES, {
    description:
      'quarterly: exactly one calendar quarter; annual: twelve months from the first of a month; custom: any period (OKR.PERIOD_INVALID)',
  })
  periodType!: OkrPeriodType;

  @DateField({ example: '2026-01-01', description: 'Its calendar quarter names the code (OKR-2026Q1-001)' })
  periodStart!: string;

  @DateField({ example: '2026-03-31', description: 'Not before periodStart' })
  periodEnd!: string;

  @StringField({ minLength: 1, maxLength: 120, example: 'vp-customer' })
  owner!: string;

  @ArrayField(CreateKeyResultRequestDto, {
    presence: 'omittable',
    maxItems: MAX_KEY_RESULTS_PER_REQUEST,
    description: 'Created with the OKR in one transaction',
  })
  keyResults?: CreateKeyResultRequestDto[];
}
