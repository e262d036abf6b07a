import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsOmittable } from '@qbm/http';
import { IsPastDateTime } from './is-past-date-time.decorator';

export const CHECK_IN_CLOCK_SKEW_MS = 5 * 60_000;

export class CreateCheckInRequestDto {
  @ApiProperty({ example: 104.5, description: "The key result's measured value at checkedInAt" })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value!: number;

  @ApiProperty({
    minimum: 0,
    maximum: 1,
    example: 0.7,
    description: "The owner's confidence of reaching the target; below 0.5 marks the key result at risk",
  })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  confidence!: number;

  @ApiPropertyOptional({ maxLength: 5000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string | null;

  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'When the value was measured; defaults to now; at most 5 minutes in the future. A back-dated check-in is kept in history but does not replace a newer value.',
  })
  @IsOmittable()
  @IsPastDateTime(CHECK_IN_CLOCK_SKEW_MS)
  checkedInAt?: string;
}
