import { EnumField, IntField, StringField, UuidField } from '@qbm/http';
import { ListQueryDto } from '../../../common/pagination/list-query.dto';
import {
  REQUIREMENT_STATUSES,
  REQUIREMENT_TYPES,
  RequirementStatus,
  RequirementType,
} from '../entities/decision-requirement.entity';

export const REQUIREMENT_SORT = {
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
  priority: 'priority',
  code: 'code',
} as const;

export class ListRequirementsRequestDto extends ListQueryDto {
  @EnumField(Object.keys(REQUIREMENT_SORT), { presence: 'omittable', default: 'createdAt' })
  declare sort?: string;

  @EnumField(REQUIREMENT_STATUSES, { presence: 'omittable' })
  status?: RequirementStatus;

  @EnumField(REQUIREMENT_TYPES, { presence: 'omittable' })
  type?: RequirementType;

  @StringField({ presence: 'omittable', minLength: 1, maxLength: 60, description: 'Exact category' })
  category?: string;

  @UuidField({ presence: 'omittable' })
  objectiveId?: string;

  @StringField({
    presence: 'omittable',
    minLength: 1,
    maxLength: 120,
    description: 'Exact requester (token subject)',
  })
  requester?: string;

  @IntField({ presence: 'omittable', query: true, minimum: 1, maximum: 10, description: 'Lowest priority included' })
  priorityMin?: number;

  @IntField({ presence: 'omittable', query: true, minimum: 1, maximum: 10, description: 'Highest priority included' })
  priorityMax?: number;
}
