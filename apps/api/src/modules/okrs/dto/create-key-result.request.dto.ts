import { DateField, EnumField, NumberField, StringField } from '@qbm/http';
import { KEY_RESULT_TYPES, KeyResultType } from '../entities/key-result.entity';

export class CreateKeyResultRequestDto {
  @StringField({ minLength: 1, maxLength: 2000, example: 'Raise net revenue retention from 96% to 110%' })
  statement!: string;

  @EnumField(KEY_RESULT_TYPES)
  type!: KeyResultType;

  @NumberField({ example: 96 })
  baselineValue!: number;

  @NumberField({
    example: 110,
    description:
      'Must differ from baselineValue (KEY_RESULT.TARGET_EQUALS_BASELINE); may be below it for decreasing targets',
  })
  targetValue!: number;

  @NumberField({ presence: 'omittable', description: 'Defaults to baselineValue; afterwards set by check-ins' })
  currentValue?: number;

  @StringField({ presence: 'omittable', maxLength: 32, default: '', example: '%' })
  unit?: string;

  @NumberField({
    presence: 'omittable',
    default: 1,
    description: 'Greater than 0 and at most 100 (KEY_RESULT.WEIGHT_OUT_OF_RANGE)',
  })
  weight?: number;

  @StringField({ minLength: 1, maxLength: 120, example: 'head-of-success' })
  owner!: string;

  @DateField({ presence: 'nullable' })
  dueDate?: string | null;
}
