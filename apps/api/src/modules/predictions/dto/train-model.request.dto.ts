import { BooleanField, IntField } from '@qbm/http';

export class TrainModelRequestDto {
  @IntField({
    presence: 'omittable',
    minimum: 0,
    maximum: 2_147_483_646,
    description: 'Simulator seed (default: the current time). The same seed gives the same version.',
  })
  seed?: number;

  @BooleanField({
    presence: 'omittable',
    default: false,
    description: 'Promote the new version if it beats the live one.',
  })
  promote?: boolean;
}
