import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ListQueryDto } from '../../../common/pagination/list-query.dto';
import { IsCalendarDate } from '@qbm/http';
import { OKR_PERIOD_TYPES, OKR_STATUSES, OkrPeriodType, OkrStatus } from '../entities/okr.entity';

export const OKR_SORT = {
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
  periodStart: 'periodStart',
  progress: 'progress',
  code: 'code',
} as const;

export class ListOkrsRequestDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: Object.keys(OKR_SORT), default: 'createdAt' })
  @IsOptional()
  @IsIn(Object.keys(OKR_SORT))
  declare sort?: string;

  @ApiPropertyOptional({ enum: OKR_STATUSES })
  @IsOptional()
  @IsIn(OKR_STATUSES)
  status?: OkrStatus;

  @ApiPropertyOptional({ enum: OKR_PERIOD_TYPES })
  @IsOptional()
  @IsIn(OKR_PERIOD_TYPES)
  periodType?: OkrPeriodType;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  strategicObjectiveId?: string;

  @ApiPropertyOptional({ description: 'A parent OKR id, or "root" for OKRs without a parent' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  parentOkrId?: string;

  @ApiPropertyOptional({ maxLength: 120 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  owner?: string;

  @ApiPropertyOptional({ format: 'date', description: 'OKRs whose period ends on or after this day' })
  @IsOptional()
  @IsCalendarDate()
  periodFrom?: string;

  @ApiPropertyOptional({ format: 'date', description: 'OKRs whose period starts on or before this day' })
  @IsOptional()
  @IsCalendarDate()
  periodTo?: string;
}

export function isRootFilter(parentOkrId: string | undefined): boolean {
  return parentOkrId === 'root';
}
