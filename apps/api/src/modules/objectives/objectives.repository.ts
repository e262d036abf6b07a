import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { Page } from '../../common/pagination/page';
import { subtreeContains, TREES } from '../../common/tree/subtree-contains';
import { paginate } from '../../common/pagination/paginate';
import { OBJECTIVE_SORT, ListObjectivesRequestDto, isRootFilter } from './dto/list-objectives.request.dto';
import { StrategicObjective } from './entities/strategic-objective.entity';

@Injectable()
export class ObjectivesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // Tree edits in one organisation are serialised, so two concurrent moves cannot close a cycle.
  async inTreeTransaction<T>(organizationId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('objective-tree:' || $1))`, [organizationId]);
      return work(manager);
    });
  }

  findById(
    organizationId: string,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StrategicObjective | null> {
    return manager.findOneBy(StrategicObjective, { organizationId, id });
  }

  async exists(organizationId: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager.existsBy(StrategicObjective, { organizationId, id });
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

  isSelfOrDescendant(
    manager: EntityManager,
    organizationId: string,
    id: string,
    candidateParentId: string,
  ): Promise<boolean> {
    return subtreeContains(manager, TREES.objectives, organizationId, id, candidateParentId);
  }

  async hasChildren(manager: EntityManager, organizationId: string, id: string): Promise<boolean> {
    return manager.existsBy(StrategicObjective, { organizationId, parentId: id });
  }

  save(manager: EntityManager, objective: StrategicObjective): Promise<StrategicObjective> {
    return manager.save(StrategicObjective, objective);
  }

  create(fields: Partial<StrategicObjective>): StrategicObjective {
    return this.dataSource.getRepository(StrategicObjective).create(fields);
  }

  // Returns false when other rows still reference the objective.
  async delete(manager: EntityManager, organizationId: string, id: string): Promise<boolean> {
    try {
      await manager.delete(StrategicObjective, { organizationId, id });
      return true;
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23503') return false;
      throw error;
    }
  }
}
