import { DateField, EnumField, StringField, UuidField } from '@qbm/http';
import { ListQueryDto } from '../../../common/pagination/list-query.dto';
import { ROOT_OR_UUID } from '../../../common/pagination/root-or-uuid';
import { OKR_PERIOD_TYPES, OKR_STATUSES, OkrPeriodType, OkrStatus } from '../entities/okr.entity';

export const OKR_SORT = {
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
  periodStart: 'periodStart',
  progress: 'progress',
  code: 'code',
} as const;

export class ListOkrsRequestDto extends ListQueryDto {
  @EnumField(Object.keys(OKR_SORT), { presence: 'omittable', default: 'createdAt' })
  declare sort?: string;

  @EnumField(OKR_STATUSES, { presence: 'omittable' })
  status?: OkrStatus;

  @EnumField(OKR_PERIOD_TYPES, { presence: 'omittable' })
  periodType?: OkrPeriodType;

  @UuidField({ presence: 'omittable' })
  strategicObjectiveId?: string;

  @StringField({
    presence: 'omittable',
    maxLength: 36,
    pattern: ROOT_OR_UUID,
    description: 'A parent OKR id, or "root" for OKRs without a parent',
  })
  parentOkrId?: string;

  @StringField({ presence: 'omittable', minLength: 1, maxLength: 120 })
  owner?: string;

  @DateField({ presence: 'omittable', description: 'OKRs whose period ends on or after this day' })
  periodFrom?: string;

  @DateField({ presence: 'omittable', description: 'OKRs whose period starts on or before this day' })
  periodTo?: string;
}

export function isRootFilter(parentOkrId: string | undefined): boolean {
  return parentOkrId === 'root';
}
