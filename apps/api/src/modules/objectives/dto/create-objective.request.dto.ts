import { DateField, EnumField, IntField, StringField, UuidField } from '@qbm/http';
import {
  OBJECTIVE_STATUSES,
  OBJECTIVE_TYPES,
  ObjectiveStatus,
  ObjectiveType,
} from '../entities/strategic-objective.entity';

export class CreateObjectiveRequestDto {
  @StringField({ minLength: 1, maxLength: 200, example: 'Become the reference platform for mid-size manufacturers' })
  name!: string;

  @EnumField(OBJECTIVE_TYPES)
  type!: ObjectiveType;

  @StringField({ presence: 'omittable', maxLength: 10_000, default: '' })
  content?: string;

  @StringField({ presence: 'nullable', maxLength: 10_000 })
  description?: string | null;

  @UuidField({ presence: 'nullable', description: 'Parent objective; the tree may not contain cycles' })
  parentId?: string | null;

  @IntField({ minimum: 1, maximum: 10 })
  priority!: number;

  @EnumField(OBJECTIVE_STATUSES, { presence: 'omittable', default: 'active' })
  status?: ObjectiveStatus;

  @DateField({ presence: 'nullable' })
  startDate?: string | null;

  @DateField({ presence: 'nullable', description: 'Not before startDate (OBJECTIVE.DATES_OUT_OF_ORDER)' })
  targetDate?: string | null;

  @DateField({ presence: 'nullable' })
  completionDate?: string | null;
}
