import { EnumField, StringField } from '@qbm/http';
import { ListQueryDto } from '../../../common/pagination/list-query.dto';
import { ROOT_OR_UUID } from '../../../common/pagination/root-or-uuid';
import {
  OBJECTIVE_STATUSES,
  OBJECTIVE_TYPES,
  ObjectiveStatus,
  ObjectiveType,
} from '../entities/strategic-objective.entity';

export const OBJECTIVE_SORT = {
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
  priority: 'priority',
  name: 'name',
} as const;

export class ListObjectivesRequestDto extends ListQueryDto {
  @EnumField(Object.keys(OBJECTIVE_SORT), { presence: 'omittable', default: 'createdAt' })
  declare sort?: string;

  @EnumField(OBJECTIVE_TYPES, { presence: 'omittable' })
  type?: ObjectiveType;

  @EnumField(OBJECTIVE_STATUSES, { presence: 'omittable' })
  status?: ObjectiveStatus;

  @StringField({
    presence: 'omittable',
    maxLength: 36,
    pattern: ROOT_OR_UUID,
    description: 'A parent objective id, or "root" for top-level objectives',
  })
  parentId?: string;

  @StringField({ presence: 'omittable', maxLength: 100, description: 'Case-insensitive substring of the name' })
  q?: string;
}

export function isRootFilter(parentId: string | undefined): boolean {
  return parentId === 'root';
}
