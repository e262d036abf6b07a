import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate } from '@qbm/http';
import { IsOptional } from 'class-validator';

export class AnomaliesQueryRequestDto {
  @ApiPropertyOptional({ description: 'First day scored (default: every stored value).' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Last day scored (default: the latest value).' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}
