import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsOmittable } from '@qbm/http';
import { OKR_PERIOD_TYPES, OkrPeriodType } from '../entities/okr.entity';
import { CreateKeyResultRequestDto } from './create-key-result.request.dto';

export const MAX_KEY_RESULTS_PER_REQUEST = 50;

export class CreateOkrRequestDto {
  @ApiProperty({ maxLength: 2000, example: 'Make onboarding effortless for mid-size customers' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  objective!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: 'A strategic objective of the organisation (OKR.STRATEGIC_OBJECTIVE_NOT_FOUND)',
  })
  @IsOptional()
  @IsUUID()
  strategicObjectiveId?: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: 'An OKR of the organisation this one contributes to (OKR.PARENT_NOT_FOUND)',
  })
  @IsOptional()
  @IsUUID()
  parentOkrId?: string | null;

  @ApiProperty({
    enum: OKR_PERIOD_TYPES,
    description:
      'quarterly: exactly one calendar quarter; annual: twelve months from the first of a month; custom: any period (OKR.PERIOD_INVALID)',
  })
  @IsIn(OKR_PERIOD_TYPES)
  periodType!: OkrPeriodType;

  @ApiProperty({
    format: 'date',
    example: '2026-01-01',
    description: 'Its calendar quarter names the code (OKR-2026Q1-001)',
  })
  @IsCalendarDate()
  periodStart!: string;

  @ApiProperty({ format: 'date', example: '2026-03-31', description: 'Not before periodStart' })
  @IsCalendarDate()
  periodEnd!: string;

  @ApiProperty({ maxLength: 120, example: 'vp-customer' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  owner!: string;

  @ApiPropertyOptional({
    type: [CreateKeyResultRequestDto],
    maxItems: MAX_KEY_RESULTS_PER_REQUEST,
    description: 'Created with the OKR in one transaction',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(MAX_KEY_RESULTS_PER_REQUEST)
  @ValidateNested({ each: true })
  @Type(() => CreateKeyResultRequestDto)
  keyResults?: CreateKeyResultRequestDto[];
}
