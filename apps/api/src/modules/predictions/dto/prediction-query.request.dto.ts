import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate } from '@qbm/http';
import { IsOptional } from 'class-validator';

export class PredictionQueryRequestDto {
  @ApiPropertyOptional({ description: 'Only check-ins up to the end of this day count (default: today, UTC).' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}
