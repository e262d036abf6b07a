import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate } from '@qbm/http';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class ForecastQueryRequestDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 366, default: 12, description: 'Steps at the metric frequency.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(366)
  horizon?: number;

  @ApiPropertyOptional({ description: 'Forecast from the values up to this day (default: the latest value).' })
  @IsOptional()
  @IsCalendarDate()
  origin?: string;
}
