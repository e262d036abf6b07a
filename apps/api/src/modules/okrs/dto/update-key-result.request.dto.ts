import { PartialType } from '@nestjs/swagger';
import { CreateKeyResultRequestDto } from './create-key-result.request.dto';

// Every field may be left out; null only for dueDate. Changing values recomputes the key result's and the OKR's progress.
export class UpdateKeyResultRequestDto extends PartialType(CreateKeyResultRequestDto, { skipNullProperties: false }) {}
