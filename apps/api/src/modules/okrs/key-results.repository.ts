import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, Not } from 'typeorm';
import { Transaction } from '../../database/transaction';
import { KeyResult } from './entities/key-result.entity';

@Injectable()
export class KeyResultsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(organizationId: string, id: string, tx?: Transaction): Promise<KeyResult | null> {
    return this.manager(tx).findOneBy(KeyResult, { organizationId, id });
  }

  // Take the OKR's row lock before this one (see OkrsRepository.lockForWrite).
  lockById(tx: Transaction, organizationId: string, id: string): Promise<KeyResult | null> {
    return this.manager(tx).findOne(KeyResult, { where: { organizationId, id }, lock: { mode: 'pessimistic_write' } });
  }

  listByOkr(tx: Transaction, okrId: string): Promise<KeyResult[]> {
    return this.manager(tx).find(KeyResult, { where: { okrId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  count(tx: Transaction, okrId: string): Promise<number> {
    return this.manager(tx).countBy(KeyResult, { okrId });
  }

  // Key results that did not reach their target fail with their OKR.
  async failUnfinished(tx: Transaction, okrId: string): Promise<void> {
    await this.manager(tx).update(KeyResult, { okrId, status: Not('completed') }, { status: 'failed' });
  }

  create(fields: Partial<KeyResult>): KeyResult {
    return this.dataSource.getRepository(KeyResult).create(fields);
  }

  save(tx: Transaction, keyResult: KeyResult): Promise<KeyResult>;
  save(tx: Transaction, keyResults: KeyResult[]): Promise<KeyResult[]>;
  save(tx: Transaction, keyResults: KeyResult | KeyResult[]): Promise<KeyResult | KeyResult[]> {
    const manager = this.manager(tx);
    return Array.isArray(keyResults) ? manager.save(KeyResult, keyResults) : manager.save(KeyResult, keyResults);
  }

  // Its check-ins go with it (ON DELETE CASCADE).
  async delete(tx: Transaction, organizationId: string, id: string): Promise<void> {
    await this.manager(tx).delete(KeyResult, { organizationId, id });
  }

  private manager(tx: Transaction | undefined): EntityManager {
    return Transaction.manager(this.dataSource, tx);
  }
}
