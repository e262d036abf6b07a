import { FormattedStringField, NumberField, StringField } from '@qbm/http';
import { IsPastDateTime } from './is-past-date-time.decorator';

export const CHECK_IN_CLOCK_SKEW_MS = 5 * 60_000;

export class CreateCheckInRequestDto {
  @NumberField({ example: 104.5, description: "The key result's measured value at checkedInAt" })
  value!: number;

  @NumberField({
    minimum: 0,
    maximum: 1,
    example: 0.7,
    description: "The owner's confidence of reaching the target; below 0.5 marks the key result at risk",
  })
  confidence!: number;

  @StringField({ presence: 'nullable', maxLength: 5000 })
  note?: string | null;

  @FormattedStringField('date-time', IsPastDateTime(CHECK_IN_CLOCK_SKEW_MS), {
    presence: 'omittable',
    description:
      'When the value was measured, with an offset; defaults to now; at most 5 minutes in the future. A back-dated check-in is kept in history but does not replace a newer value.',
  })
  checkedInAt?: string;
}
