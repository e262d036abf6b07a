import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ListQueryDto } from '../../../common/pagination/list-query.dto';
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
  @ApiPropertyOptional({ enum: Object.keys(OBJECTIVE_SORT), default: 'createdAt' })
  @IsOptional()
  @IsIn(Object.keys(OBJECTIVE_SORT))
  declare sort?: string;

  @ApiPropertyOptional({ enum: OBJECTIVE_TYPES })
  @IsOptional()
  @IsIn(OBJECTIVE_TYPES)
  type?: ObjectiveType;

  @ApiPropertyOptional({ enum: OBJECTIVE_STATUSES })
  @IsOptional()
  @IsIn(OBJECTIVE_STATUSES)
  status?: ObjectiveStatus;

  @ApiPropertyOptional({ description: 'A parent objective id, or "root" for top-level objectives' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  parentId?: string;

  @ApiPropertyOptional({ description: 'Case-insensitive substring of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export function isRootFilter(parentId: string | undefined): boolean {
  return parentId === 'root';
}
