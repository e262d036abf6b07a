import { StringField } from '@qbm/http';

export class CancelRequirementRequestDto {
  @StringField({ presence: 'nullable', minLength: 1, maxLength: 2000, description: 'Stored as decisionReason' })
  reason?: string | null;
}
