import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, Not } from 'typeorm';
import { KeyResult } from './entities/key-result.entity';

@Injectable()
export class KeyResultsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(
    organizationId: string,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<KeyResult | null> {
    return manager.findOneBy(KeyResult, { organizationId, id });
  }

  // Take the OKR's row lock before this one (see OkrsRepository.lockForWrite).
  lockById(manager: EntityManager, organizationId: string, id: string): Promise<KeyResult | null> {
    return manager.findOne(KeyResult, { where: { organizationId, id }, lock: { mode: 'pessimistic_write' } });
  }

  listByOkr(okrId: string, manager: EntityManager = this.dataSource.manager): Promise<KeyResult[]> {
    return manager.find(KeyResult, { where: { okrId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  weightsAndProgress(manager: EntityManager, okrId: string): Promise<Array<Pick<KeyResult, 'weight' | 'progress'>>> {
    return manager.find(KeyResult, { select: { weight: true, progress: true }, where: { okrId } });
  }

  count(manager: EntityManager, okrId: string): Promise<number> {
    return manager.countBy(KeyResult, { okrId });
  }

  // Key results that did not reach their target fail with their OKR.
  async failUnfinished(manager: EntityManager, okrId: string): Promise<void> {
    await manager.update(KeyResult, { okrId, status: Not('completed') }, { status: 'failed' });
  }

  create(fields: Partial<KeyResult>): KeyResult {
    return this.dataSource.getRepository(KeyResult).create(fields);
  }

  save(manager: EntityManager, keyResult: KeyResult): Promise<KeyResult>;
  save(manager: EntityManager, keyResults: KeyResult[]): Promise<KeyResult[]>;
  save(manager: EntityManager, keyResults: KeyResult | KeyResult[]): Promise<KeyResult | KeyResult[]> {
    return Array.isArray(keyResults) ? manager.save(KeyResult, keyResults) : manager.save(KeyResult, keyResults);
  }

  // Its check-ins go with it (ON DELETE CASCADE).
  async delete(manager: EntityManager, organizationId: string, id: string): Promise<void> {
    await manager.delete(KeyResult, { organizationId, id });
  }
}
