import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

export class PromoteModelRequestDto {
  @ApiPropertyOptional({ description: 'The version to serve (default: the newest trained).' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  version?: string;
}
