import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Page } from '../../common/pagination/page';
import { paginate } from '../../common/pagination/paginate';
import { subtreeContains, TREES } from '../../common/tree/subtree-contains';
import { Transaction } from '../../database/transaction';
import { okrProgress } from './domain/okr-progress';
import { ListOkrsRequestDto, OKR_SORT, isRootFilter } from './dto/list-okrs.request.dto';
import { KeyResult } from './entities/key-result.entity';
import { Okr } from './entities/okr.entity';

@Injectable()
export class OkrsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  inTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return Transaction.run(this.dataSource, work);
  }

  // Parent moves in one organisation are serialised, so two concurrent moves cannot close a cycle.
  // Take it before any OKR row lock.
  async lockTree(tx: Transaction, organizationId: string): Promise<void> {
    await this.manager(tx).query(`SELECT pg_advisory_xact_lock(hashtext('okr-tree:' || $1))`, [organizationId]);
  }

  // Every write to an OKR or its key results takes this row lock first (OKR, then key result), so
  // progress recomputations serialise per OKR and lock order is the same everywhere. NO KEY UPDATE
  // leaves children free to reference the row meanwhile.
  lockForWrite(tx: Transaction, organizationId: string, id: string): Promise<Okr | null> {
    return this.manager(tx).findOne(Okr, { where: { organizationId, id }, lock: { mode: 'for_no_key_update' } });
  }

  // Excludes the FOR KEY SHARE a child's creation takes on its parent, so no child slips in before the delete.
  lockForDelete(tx: Transaction, organizationId: string, id: string): Promise<Okr | null> {
    return this.manager(tx).findOne(Okr, { where: { organizationId, id }, lock: { mode: 'pessimistic_write' } });
  }

  // FOR KEY SHARE: a concurrent delete of the parent waits for this transaction, then sees the child.
  async existsLocked(tx: Transaction, organizationId: string, id: string): Promise<boolean> {
    const found = await this.manager(tx).findOne(Okr, {
      select: { id: true },
      where: { organizationId, id },
      lock: { mode: 'for_key_share' },
    });
    return found !== null;
  }

  // The OKR and its key results (oldest first) in one query.
  findWithKeyResults(organizationId: string, id: string): Promise<Okr | null> {
    return this.dataSource
      .getRepository(Okr)
      .createQueryBuilder('o')
      .leftJoinAndSelect('o.keyResults', 'kr')
      .where('o.organizationId = :organizationId AND o.id = :id', { organizationId, id })
      .orderBy('kr.createdAt', 'ASC')
      .addOrderBy('kr.id', 'ASC')
      .getOne();
  }

  list(organizationId: string, query: ListOkrsRequestDto): Promise<Page<Okr>> {
    const qb = this.dataSource
      .getRepository(Okr)
      .createQueryBuilder('o')
      .where('o.organizationId = :organizationId', { organizationId });
    if (query.status) qb.andWhere('o.status = :status', { status: query.status });
    if (query.periodType) qb.andWhere('o.periodType = :periodType', { periodType: query.periodType });
    if (query.strategicObjectiveId) qb.andWhere('o.strategicObjectiveId = :soId', { soId: query.strategicObjectiveId });
    if (isRootFilter(query.parentOkrId)) qb.andWhere('o.parentOkrId IS NULL');
    else if (query.parentOkrId) qb.andWhere('o.parentOkrId = :parentOkrId', { parentOkrId: query.parentOkrId });
    if (query.owner) qb.andWhere('o.owner = :owner', { owner: query.owner });
    // Periods that overlap [periodFrom, periodTo].
    if (query.periodFrom) qb.andWhere('o.periodEnd >= :periodFrom', { periodFrom: query.periodFrom });
    if (query.periodTo) qb.andWhere('o.periodStart <= :periodTo', { periodTo: query.periodTo });
    return paginate(qb, query, { fields: OKR_SORT, defaultField: 'createdAt' });
  }

  isSelfOrDescendant(tx: Transaction, organizationId: string, id: string, candidateParentId: string): Promise<boolean> {
    return subtreeContains(this.manager(tx), TREES.okrs, organizationId, id, candidateParentId);
  }

  hasChildren(tx: Transaction, organizationId: string, id: string): Promise<boolean> {
    return this.manager(tx).existsBy(Okr, { organizationId, parentOkrId: id });
  }

  create(fields: Partial<Okr>): Okr {
    return this.dataSource.getRepository(Okr).create(fields);
  }

  save(tx: Transaction, okr: Okr): Promise<Okr> {
    return this.manager(tx).save(Okr, okr);
  }

  // After its key results are written: the OKR's progress recomputed from all of them, then saved.
  // Hold the OKR's row lock (lockForWrite).
  async saveWithProgress(tx: Transaction, okr: Okr): Promise<Okr> {
    const keyResults = await this.manager(tx).find(KeyResult, {
      select: { weight: true, progress: true },
      where: { okrId: okr.id },
    });
    okr.progress = okrProgress(keyResults);
    return this.save(tx, okr);
  }

  // Key results and their check-ins go with it (ON DELETE CASCADE).
  async delete(tx: Transaction, organizationId: string, id: string): Promise<void> {
    await this.manager(tx).delete(Okr, { organizationId, id });
  }

  private manager(tx: Transaction): EntityManager {
    return Transaction.manager(this.dataSource, tx);
  }
}
