import { DateField, EnumField, IntField, StringField, UuidField } from '@qbm/http';
import { REQUIREMENT_TYPES, RequirementType } from '../entities/decision-requirement.entity';

export class CreateRequirementRequestDto {
  @StringField({ minLength: 1, maxLength: 200, example: 'Choose the EU data-centre provider' })
  title!: string;

  @StringField({ presence: 'omittable', maxLength: 10_000, default: '' })
  description?: string;

  @EnumField(REQUIREMENT_TYPES, { description: 'An emergency requirement must carry requiredBy' })
  type!: RequirementType;

  @StringField({ minLength: 1, maxLength: 60, example: 'infrastructure' })
  category!: string;

  @UuidField({ presence: 'nullable', description: "A strategic objective of the caller's organisation" })
  objectiveId?: string | null;

  @DateField({ presence: 'nullable', description: 'Decision deadline; required when type is emergency' })
  requiredBy?: string | null;

  @IntField({ minimum: 1, maximum: 10 })
  priority!: number;
}
