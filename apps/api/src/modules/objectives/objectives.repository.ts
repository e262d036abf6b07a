import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { Transaction } from '../../database/transaction';
import { Page } from '../../common/pagination/page';
import { subtreeContains, TREES } from '../../common/tree/subtree-contains';
import { paginate } from '../../common/pagination/paginate';
import { OBJECTIVE_SORT, ListObjectivesRequestDto, isRootFilter } from './dto/list-objectives.request.dto';
import { StrategicObjective } from './entities/strategic-objective.entity';

@Injectable()
export class ObjectivesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // Tree edits in one organisation are serialised, so two concurrent moves cannot close a cycle.
  inTreeTransaction<T>(organizationId: string, work: (tx: Transaction) => Promise<T>): Promise<T> {
    return Transaction.run(this.dataSource, async (tx) => {
      await this.manager(tx).query(`SELECT pg_advisory_xact_lock(hashtext('objective-tree:' || $1))`, [organizationId]);
      return work(tx);
    });
  }

  findById(organizationId: string, id: string, tx?: Transaction): Promise<StrategicObjective | null> {
    return this.manager(tx).findOneBy(StrategicObjective, { organizationId, id });
  }

  exists(organizationId: string, id: string, tx?: Transaction): Promise<boolean> {
    return this.manager(tx).existsBy(StrategicObjective, { organizationId, id });
  }

  list(organizationId: string, query: ListObjectivesRequestDto): Promise<Page<StrategicObjective>> {
    const qb = this.dataSource
      .getRepository(StrategicObjective)
      .createQueryBuilder('o')
      .where('o.organizationId = :organizationId', { organizationId });
    if (query.type) qb.andWhere('o.type = :type', { type: query.type });
    if (query.status) qb.andWhere('o.status = :status', { status: query.status });
    if (isRootFilter(query.parentId)) qb.andWhere('o.parentId IS NULL');
    else if (query.parentId) qb.andWhere('o.parentId = :parentId', { parentId: query.parentId });
    if (query.q) qb.andWhere('o.name ILIKE :q', { q: `%${query.q.replace(/[\\%_]/g, '\\$&')}%` });
    return paginate(qb, query, { fields: OBJECTIVE_SORT, defaultField: 'createdAt' });
  }

  isSelfOrDescendant(tx: Transaction, organizationId: string, id: string, candidateParentId: string): Promise<boolean> {
    return subtreeContains(this.manager(tx), TREES.objectives, organizationId, id, candidateParentId);
  }

  hasChildren(tx: Transaction, organizationId: string, id: string): Promise<boolean> {
    return this.manager(tx).existsBy(StrategicObjective, { organizationId, parentId: id });
  }

  save(tx: Transaction, objective: StrategicObjective): Promise<StrategicObjective> {
    return this.manager(tx).save(StrategicObjective, objective);
  }

  create(fields: Partial<StrategicObjective>): StrategicObjective {
    return this.dataSource.getRepository(StrategicObjective).create(fields);
  }

  // Returns false when other rows still reference the objective.
  async delete(tx: Transaction, organizationId: string, id: string): Promise<boolean> {
    try {
      await this.manager(tx).delete(StrategicObjective, { organizationId, id });
      return true;
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23503') return false;
      throw error;
    }
  }

  private manager(tx: Transaction | undefined): EntityManager {
    return Transaction.manager(this.dataSource, tx);
  }
}
