import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
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
  @ApiPropertyOptional({ enum: Object.keys(REQUIREMENT_SORT), default: 'createdAt' })
  @IsOptional()
  @IsIn(Object.keys(REQUIREMENT_SORT))
  declare sort?: string;

  @ApiPropertyOptional({ enum: REQUIREMENT_STATUSES })
  @IsOptional()
  @IsIn(REQUIREMENT_STATUSES)
  status?: RequirementStatus;

  @ApiPropertyOptional({ enum: REQUIREMENT_TYPES })
  @IsOptional()
  @IsIn(REQUIREMENT_TYPES)
  type?: RequirementType;

  @ApiPropertyOptional({ maxLength: 60, description: 'Exact category' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  category?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  objectiveId?: string;

  @ApiPropertyOptional({ maxLength: 120, description: 'Exact requester (token subject)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  requester?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 10, description: 'Lowest priority included' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10)
  priorityMin?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 10, description: 'Highest priority included' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10)
  priorityMax?: number;
}
