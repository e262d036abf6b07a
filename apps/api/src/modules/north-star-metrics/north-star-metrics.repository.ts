import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Page } from '../../common/pagination/page';
import { paginate } from '../../common/pagination/paginate';
import { METRIC_SORT, ListMetricsRequestDto } from './dto/list-metrics.request.dto';
import { NorthStarMetric } from './entities/north-star-metric.entity';

@Injectable()
export class NorthStarMetricsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  get reader(): EntityManager {
    return this.dataSource.manager;
  }

  // Changes of the primary flag in one organisation are serialised, so two concurrent promotions cannot both win.
  async lockPrimaryFlag(manager: EntityManager, organizationId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('metric-primary:' || $1))`, [organizationId]);
  }

  findById(organizationId: string, id: string): Promise<NorthStarMetric | null> {
    return this.dataSource.manager.findOneBy(NorthStarMetric, { organizationId, id });
  }

  exists(organizationId: string, id: string): Promise<boolean> {
    return this.dataSource.manager.existsBy(NorthStarMetric, { organizationId, id });
  }

  // Row lock: ingests, edits and primary hand-overs of one metric recompute its health one at a time.
  findForUpdate(manager: EntityManager, organizationId: string, id: string): Promise<NorthStarMetric | null> {
    return manager
      .createQueryBuilder(NorthStarMetric, 'm')
      .setLock('pessimistic_write')
      .where('m.organizationId = :organizationId AND m.id = :id', { organizationId, id })
      .getOne();
  }

  findOtherPrimaryForUpdate(
    manager: EntityManager,
    organizationId: string,
    exceptId: string | null,
  ): Promise<NorthStarMetric | null> {
    const qb = manager
      .createQueryBuilder(NorthStarMetric, 'm')
      .setLock('pessimistic_write')
      .where('m.organizationId = :organizationId AND m.isPrimary = true', { organizationId });
    if (exceptId) qb.andWhere('m.id <> :exceptId', { exceptId });
    return qb.getOne();
  }

  list(organizationId: string, query: ListMetricsRequestDto): Promise<Page<NorthStarMetric>> {
    const qb = this.dataSource
      .getRepository(NorthStarMetric)
      .createQueryBuilder('m')
      .where('m.organizationId = :organizationId', { organizationId });
    if (query.type) qb.andWhere('m.type = :type', { type: query.type });
    if (query.status) qb.andWhere('m.status = :status', { status: query.status });
    if (query.objectiveId) qb.andWhere('m.objectiveId = :objectiveId', { objectiveId: query.objectiveId });
    if (query.isPrimary !== undefined) qb.andWhere('m.isPrimary = :isPrimary', { isPrimary: query.isPrimary });
    if (query.healthBand) qb.andWhere('m.healthBand = :healthBand', { healthBand: query.healthBand });
    return paginate(qb, query, { fields: METRIC_SORT, defaultField: 'createdAt' });
  }

  create(fields: Partial<NorthStarMetric>): NorthStarMetric {
    return this.dataSource.getRepository(NorthStarMetric).create(fields);
  }

  save(manager: EntityManager, metric: NorthStarMetric): Promise<NorthStarMetric> {
    return manager.save(NorthStarMetric, metric);
  }

  // Values go with the metric (ON DELETE CASCADE). False when nothing matched.
  async delete(organizationId: string, id: string): Promise<boolean> {
    const result = await this.dataSource.manager.delete(NorthStarMetric, { organizationId, id });
    return (result.affected ?? 0) > 0;
  }
}
