import { PartialType } from '@nestjs/swagger';
import { CreateMetricRequestDto } from './create-metric.request.dto';

// Every field may be left out; null is accepted only where the field is nullable (description, objectiveId).
export class UpdateMetricRequestDto extends PartialType(CreateMetricRequestDto, { skipNullProperties: false }) {}
