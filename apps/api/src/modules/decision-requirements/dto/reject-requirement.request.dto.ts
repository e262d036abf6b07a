import { StringField } from '@qbm/http';

export class RejectRequirementRequestDto {
  @StringField({
    minLength: 1,
    maxLength: 2000,
    pattern: { regex: /\S/, message: 'reason must not be blank' },
    description: 'Why it was rejected; stored as decisionReason',
  })
  reason!: string;
}
