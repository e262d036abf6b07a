import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

export class TrainModelRequestDto {
  @ApiPropertyOptional({
    description: 'Simulator seed (default: the current time). The same seed gives the same version.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2_147_483_646)
  seed?: number;

  @ApiPropertyOptional({ default: false, description: 'Promote the new version if it beats the live one.' })
  @IsOptional()
  @IsBoolean()
  promote?: boolean;
}
