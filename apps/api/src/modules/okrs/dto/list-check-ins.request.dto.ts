import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ListQueryDto } from '../../../common/pagination/list-query.dto';

export const CHECK_IN_SORT = { checkedInAt: 'checkedInAt', createdAt: 'createdAt' } as const;

export class ListCheckInsRequestDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: Object.keys(CHECK_IN_SORT), default: 'checkedInAt' })
  @IsOptional()
  @IsIn(Object.keys(CHECK_IN_SORT))
  declare sort?: string;
}
