import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Page } from '../../common/pagination/page';
import { paginate } from '../../common/pagination/paginate';
import { Transaction } from '../../database/transaction';
import { ObjectivesRepository } from '../objectives/objectives.repository';
import { evaluateMetricHealth, MetricHealthSample, storedHealth } from './domain/metric-health-evaluation';
import { healthWindowSize } from './domain/metric-health-score';
import { METRIC_SORT, ListMetricsRequestDto } from './dto/list-metrics.request.dto';
import { NorthStarMetric } from './entities/north-star-metric.entity';
import { MetricValuesRepository } from './metric-values.repository';

@Injectable()
export class NorthStarMetricsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly values: MetricValuesRepository,
    private readonly objectives: ObjectivesRepository,
  ) {}

  inTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return Transaction.run(this.dataSource, work);
  }

  // Changes of the primary flag in one organisation are serialised, so two concurrent promotions cannot
  // both win. Take it before locking any metric row, so promotions and ingests lock in the same order.
  async lockPrimaryFlag(tx: Transaction, organizationId: string): Promise<void> {
    await this.manager(tx).query(`SELECT pg_advisory_xact_lock(hashtext('metric-primary:' || $1))`, [organizationId]);
  }

  findById(organizationId: string, id: string): Promise<NorthStarMetric | null> {
    return this.dataSource.manager.findOneBy(NorthStarMetric, { organizationId, id });
  }

  exists(organizationId: string, id: string): Promise<boolean> {
    return this.dataSource.manager.existsBy(NorthStarMetric, { organizationId, id });
  }

  // Row lock: ingests, edits and primary hand-overs of one metric recompute its health one at a time.
  findForUpdate(tx: Transaction, organizationId: string, id: string): Promise<NorthStarMetric | null> {
    return this.manager(tx)
      .createQueryBuilder(NorthStarMetric, 'm')
      .setLock('pessimistic_write')
      .where('m.organizationId = :organizationId AND m.id = :id', { organizationId, id })
      .getOne();
  }

  // At most one primary metric per organisation (a partial unique index backs this up): promoting one
  // demotes the previous primary in the same transaction, and its health is recomputed, since its
  // importance drops. Needs lockPrimaryFlag.
  // The id of the metric that lost the flag, if one did: its cached view changed too.
  async demotePrimaryExcept(tx: Transaction, organizationId: string, keepId: string | null): Promise<string | null> {
    const qb = this.manager(tx)
      .createQueryBuilder(NorthStarMetric, 'm')
      .setLock('pessimistic_write')
      .where('m.organizationId = :organizationId AND m.isPrimary = true', { organizationId });
    if (keepId) qb.andWhere('m.id <> :keepId', { keepId });
    const previous = await qb.getOne();
    if (!previous) return null;
    previous.isPrimary = false;
    await this.saveWithHealth(tx, previous);
    return previous.id;
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

  // The stored values and objective priority the health score reads.
  async healthSample(metric: NorthStarMetric, tx?: Transaction): Promise<MetricHealthSample> {
    const { points, total } = await this.values.recent(metric.id, healthWindowSize(metric.frequency), tx);
    // A primary metric's importance is fixed, so its objective is not read.
    const objective =
      metric.isPrimary || !metric.objectiveId
        ? null
        : await this.objectives.findById(metric.organizationId, metric.objectiveId, tx);
    return { points, total, objectivePriority: objective?.priority ?? null };
  }

  create(fields: Partial<NorthStarMetric>): NorthStarMetric {
    return this.dataSource.getRepository(NorthStarMetric).create(fields);
  }

  save(tx: Transaction, metric: NorthStarMetric): Promise<NorthStarMetric> {
    return this.manager(tx).save(NorthStarMetric, metric);
  }

  // Recomputes the stored current value, score and band from the values, then saves. Hold the row lock.
  async saveWithHealth(tx: Transaction, metric: NorthStarMetric): Promise<NorthStarMetric> {
    const evaluation = evaluateMetricHealth(metric, await this.healthSample(metric, tx), new Date());
    Object.assign(metric, storedHealth(evaluation));
    return this.save(tx, metric);
  }

  // Values go with the metric (ON DELETE CASCADE). False when nothing matched.
  async delete(organizationId: string, id: string): Promise<boolean> {
    const result = await this.dataSource.manager.delete(NorthStarMetric, { organizationId, id });
    return (result.affected ?? 0) > 0;
  }

  private manager(tx: Transaction): EntityManager {
    return Transaction.manager(this.dataSource, tx);
  }
}
