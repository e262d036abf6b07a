import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class ApproveRequirementRequestDto {
  @ApiPropertyOptional({
    type: String,
    minLength: 1,
    maxLength: 2000,
    nullable: true,
    description: 'Stored as decisionReason',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason?: string | null;
}
