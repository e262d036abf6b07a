import { BooleanField } from '@qbm/http';

export class ListKeyResultsRequestDto {
  @BooleanField({
    presence: 'omittable',
    query: true,
    description:
      "true: only the key results whose owner's latest check-in confidence and the model's latest served " +
      'probability differ by more than 0.3; false: only the others. Left out: every key result.',
  })
  disagreement?: boolean;
}
