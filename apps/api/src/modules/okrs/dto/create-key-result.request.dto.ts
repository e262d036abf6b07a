import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNumber, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsCalendarDate, IsOmittable } from '@qbm/http';
import { KEY_RESULT_TYPES, KeyResultType } from '../entities/key-result.entity';

const FINITE = { allowNaN: false, allowInfinity: false };

export class CreateKeyResultRequestDto {
  @ApiProperty({ maxLength: 2000, example: 'Raise net revenue retention from 96% to 110%' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  statement!: string;

  @ApiProperty({ enum: KEY_RESULT_TYPES })
  @IsIn(KEY_RESULT_TYPES)
  type!: KeyResultType;

  @ApiProperty({ example: 96 })
  @IsNumber(FINITE)
  baselineValue!: number;

  @ApiProperty({
    example: 110,
    description:
      'Must differ from baselineValue (KEY_RESULT.TARGET_EQUALS_BASELINE); may be below it for decreasing targets',
  })
  @IsNumber(FINITE)
  targetValue!: number;

  @ApiPropertyOptional({ description: 'Defaults to baselineValue; afterwards set by check-ins' })
  @IsOmittable()
  @IsNumber(FINITE)
  currentValue?: number;

  @ApiPropertyOptional({ maxLength: 32, default: '', example: '%' })
  @IsOmittable()
  @IsString()
  @MaxLength(32)
  unit?: string;

  @ApiPropertyOptional({ default: 1, description: 'Greater than 0 and at most 100 (KEY_RESULT.WEIGHT_OUT_OF_RANGE)' })
  @IsOmittable()
  @IsNumber(FINITE)
  weight?: number;

  @ApiProperty({ maxLength: 120, example: 'head-of-success' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  owner!: string;

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @IsOptional()
  @IsCalendarDate()
  dueDate?: string | null;
}
