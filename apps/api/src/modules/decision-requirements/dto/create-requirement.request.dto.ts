import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsCalendarDate, IsOmittable } from '@qbm/http';
import { REQUIREMENT_TYPES, RequirementType } from '../entities/decision-requirement.entity';

export class CreateRequirementRequestDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Choose the EU data-centre provider' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional({ maxLength: 10_000, default: '' })
  @IsOmittable()
  @IsString()
  @MaxLength(10_000)
  description?: string;

  @ApiProperty({ enum: REQUIREMENT_TYPES, description: 'An emergency requirement must carry requiredBy' })
  @IsIn(REQUIREMENT_TYPES)
  type!: RequirementType;

  @ApiProperty({ minLength: 1, maxLength: 60, example: 'infrastructure' })
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  category!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: "A strategic objective of the caller's organisation",
  })
  @IsOptional()
  @IsUUID()
  objectiveId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Decision deadline; required when type is emergency',
  })
  @IsOptional()
  @IsCalendarDate()
  requiredBy?: string | null;

  @ApiProperty({ minimum: 1, maximum: 10 })
  @IsInt()
  @Min(1)
  @Max(10)
  priority!: number;
}
