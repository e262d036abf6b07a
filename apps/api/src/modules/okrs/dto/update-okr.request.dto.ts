import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateOkrRequestDto } from './create-okr.request.dto';

// Status changes only through the workflow actions and key results through their own routes.
// null clears strategicObjectiveId or parentOkrId; the code never changes, even when the period moves.
export class UpdateOkrRequestDto extends PartialType(OmitType(CreateOkrRequestDto, ['keyResults'] as const), {
  skipNullProperties: false,
}) {}
