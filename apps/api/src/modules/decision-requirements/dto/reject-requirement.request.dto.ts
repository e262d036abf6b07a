import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class RejectRequirementRequestDto {
  @ApiProperty({ minLength: 1, maxLength: 2000, description: 'Why it was rejected; stored as decisionReason' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}
