import { PartialType } from '@nestjs/swagger';
import { CreateObjectiveRequestDto } from './create-objective.request.dto';

// Every field may be left out; null is accepted only where the field is nullable; `parentId: null` moves the objective to the root.
export class UpdateObjectiveRequestDto extends PartialType(CreateObjectiveRequestDto, { skipNullProperties: false }) {}
