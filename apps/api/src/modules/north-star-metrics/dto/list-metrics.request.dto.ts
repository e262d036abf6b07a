import { BooleanField, EnumField, UuidField } from '@qbm/http';
import { ListQueryDto } from '../../../common/pagination/list-query.dto';
import {
  HEALTH_BANDS,
  HealthBand,
  METRIC_STATUSES,
  METRIC_TYPES,
  MetricStatus,
  MetricType,
} from '../entities/north-star-metric.entity';

export const METRIC_SORT = { createdAt: 'createdAt', updatedAt: 'updatedAt', name: 'name', code: 'code' } as const;

export class ListMetricsRequestDto extends ListQueryDto {
  @EnumField(Object.keys(METRIC_SORT), { presence: 'omittable', default: 'createdAt' })
  declare sort?: string;

  @EnumField(METRIC_TYPES, { presence: 'omittable' })
  type?: MetricType;

  @EnumField(METRIC_STATUSES, { presence: 'omittable' })
  status?: MetricStatus;

  @UuidField({ presence: 'omittable' })
  objectiveId?: string;

  @BooleanField({ presence: 'omittable', query: true })
  isPrimary?: boolean;

  @EnumField(HEALTH_BANDS, { presence: 'omittable' })
  healthBand?: HealthBand;
}
