import { EnumField, IntField, StringField } from '@qbm/http';

export class ListQueryDto {
  @IntField({
    presence: 'omittable',
    query: true,
    minimum: 1,
    maximum: 100_000,
    default: 1,
    description: 'Page number (offset paging); ignored when cursor is given',
  })
  page?: number;

  @IntField({ presence: 'omittable', query: true, minimum: 1, maximum: 100, default: 20 })
  size?: number;

  @StringField({
    presence: 'omittable',
    maxLength: 512,
    description: 'Opaque cursor from meta.nextCursor; stays fast on deep pages',
  })
  cursor?: string;

  @StringField({
    presence: 'omittable',
    maxLength: 40,
    description: 'Sort field; each list documents the fields it accepts',
  })
  sort?: string;

  @EnumField(['asc', 'desc'], { presence: 'omittable', default: 'desc' })
  order?: 'asc' | 'desc';
}
