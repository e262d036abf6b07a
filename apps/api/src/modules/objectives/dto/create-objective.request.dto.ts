import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsCalendarDate, IsOmittable } from '@qbm/http';
import {
  OBJECTIVE_STATUSES,
  OBJECTIVE_TYPES,
  ObjectiveStatus,
  ObjectiveType,
} from '../entities/strategic-objective.entity';

export class CreateObjectiveRequestDto {
  @ApiProperty({ maxLength: 200, example: 'Become the reference platform for mid-size manufacturers' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: OBJECTIVE_TYPES })
  @IsIn(OBJECTIVE_TYPES)
  type!: ObjectiveType;

  @ApiPropertyOptional({ maxLength: 10_000, default: '' })
  @IsOmittable()
  @IsString()
  @MaxLength(10_000)
  content?: string;

  @ApiPropertyOptional({ type: String, maxLength: 10_000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  description?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Parent objective; the tree may not contain cycles',
  })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @ApiProperty({ minimum: 1, maximum: 10 })
  @IsInt()
  @Min(1)
  @Max(10)
  priority!: number;

  @ApiPropertyOptional({ enum: OBJECTIVE_STATUSES, default: 'active' })
  @IsOmittable()
  @IsIn(OBJECTIVE_STATUSES)
  status?: ObjectiveStatus;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @IsOptional()
  @IsCalendarDate()
  startDate?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @IsOptional()
  @IsCalendarDate()
  targetDate?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @IsOptional()
  @IsCalendarDate()
  completionDate?: string | null;
}
