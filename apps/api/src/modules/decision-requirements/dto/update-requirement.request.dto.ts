import { PartialType } from '@nestjs/swagger';
import { CreateRequirementRequestDto } from './create-requirement.request.dto';

// Every field may be left out; null is accepted only for objectiveId and requiredBy. Drafts only.
export class UpdateRequirementRequestDto extends PartialType(CreateRequirementRequestDto, {
  skipNullProperties: false,
}) {}
