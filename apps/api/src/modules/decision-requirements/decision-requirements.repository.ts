import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Transaction } from '../../database/transaction';
import { Page } from '../../common/pagination/page';
import { paginate } from '../../common/pagination/paginate';
import { ListRequirementsRequestDto, REQUIREMENT_SORT } from './dto/list-requirements.request.dto';
import { DecisionRequirement } from './entities/decision-requirement.entity';

@Injectable()
export class DecisionRequirementsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  inTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return Transaction.run(this.dataSource, work);
  }

  findById(organizationId: string, id: string): Promise<DecisionRequirement | null> {
    return this.dataSource.manager.findOneBy(DecisionRequirement, { organizationId, id });
  }

  // Row lock for the rest of the transaction: concurrent edits and transitions of one requirement queue up here.
  findForUpdate(tx: Transaction, organizationId: string, id: string): Promise<DecisionRequirement | null> {
    return this.manager(tx).findOne(DecisionRequirement, {
      where: { organizationId, id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  list(organizationId: string, query: ListRequirementsRequestDto): Promise<Page<DecisionRequirement>> {
    const qb = this.dataSource
      .getRepository(DecisionRequirement)
      .createQueryBuilder('r')
      .where('r.organizationId = :organizationId', { organizationId });
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    if (query.type) qb.andWhere('r.type = :type', { type: query.type });
    if (query.category) qb.andWhere('r.category = :category', { category: query.category });
    if (query.objectiveId) qb.andWhere('r.objectiveId = :objectiveId', { objectiveId: query.objectiveId });
    if (query.requester) qb.andWhere('r.requester = :requester', { requester: query.requester });
    if (query.priorityMin !== undefined) qb.andWhere('r.priority >= :priorityMin', { priorityMin: query.priorityMin });
    if (query.priorityMax !== undefined) qb.andWhere('r.priority <= :priorityMax', { priorityMax: query.priorityMax });
    return paginate(qb, query, { fields: REQUIREMENT_SORT, defaultField: 'createdAt' });
  }

  create(fields: Partial<DecisionRequirement>): DecisionRequirement {
    return this.dataSource.getRepository(DecisionRequirement).create(fields);
  }

  save(tx: Transaction, requirement: DecisionRequirement): Promise<DecisionRequirement> {
    return this.manager(tx).save(DecisionRequirement, requirement);
  }

  async delete(organizationId: string, id: string): Promise<boolean> {
    const result = await this.dataSource.manager.delete(DecisionRequirement, { organizationId, id });
    return (result.affected ?? 0) > 0;
  }

  private manager(tx: Transaction): EntityManager {
    return Transaction.manager(this.dataSource, tx);
  }
}
