import { StringField } from '@qbm/http';

export class PromoteModelRequestDto {
  @StringField({
    presence: 'omittable',
    minLength: 1,
    maxLength: 200,
    description: 'The version to serve (default: the newest trained).',
  })
  version?: string;
}
