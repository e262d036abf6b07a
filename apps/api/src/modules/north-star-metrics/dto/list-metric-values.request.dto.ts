import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate } from '@qbm/http';

export const MAX_VALUES_PER_READ = 10_000;

export class ListMetricValuesRequestDto {
  @ApiPropertyOptional({ format: 'date', description: 'First date, inclusive' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Last date, inclusive; not before from' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}
