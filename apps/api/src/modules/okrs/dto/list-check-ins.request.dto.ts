import { EnumField } from '@qbm/http';
import { ListQueryDto } from '../../../common/pagination/list-query.dto';

export const CHECK_IN_SORT = { checkedInAt: 'checkedInAt', createdAt: 'createdAt' } as const;

export class ListCheckInsRequestDto extends ListQueryDto {
  @EnumField(Object.keys(CHECK_IN_SORT), { presence: 'omittable', default: 'checkedInAt' })
  declare sort?: string;
}
