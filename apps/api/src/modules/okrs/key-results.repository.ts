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

  // The OKR's key results flagged by the guide's disagreement rule: the owner's latest check-in
  // confidence and the model's latest served probability (the quality ledger) differ by more than 0.3.
  // A key result without a check-in or a served prediction is not flagged.
  async disagreeingIds(organizationId: string, okrId: string): Promise<Set<string>> {
    const rows = await this.dataSource
      .query<{ id: string }[]>(
        `SELECT kr.id FROM key_results kr
           JOIN LATERAL (SELECT c.confidence FROM key_result_check_ins c
                          WHERE c.key_result_id = kr.id AND c.organization_id = kr.organization_id
                          ORDER BY c.checked_in_at DESC, c.created_at DESC LIMIT 1) owner ON true
           JOIN LATERAL (SELECT l.probability FROM inference_prediction_ledger l
                          WHERE l.target_type = 'key-result' AND l.target_id = kr.id
                            AND l.organization_id = kr.organization_id
                          ORDER BY l.as_of DESC, l.served_at DESC LIMIT 1) model ON true
          WHERE kr.organization_id = $1 AND kr.okr_id = $2 AND abs(owner.confidence - model.probability) > 0.3`,
        [organizationId, okrId],
      )
      .catch((error: unknown) => {
        // 42P01: the inference service has not migrated this database yet, so nothing was served.
        if ((error as { code?: string }).code === '42P01') return [];
        throw error;
      });
    return new Set(rows.map((r) => r.id));
  }

  private manager(tx: Transaction | undefined): EntityManager {
    return Transaction.manager(this.dataSource, tx);
  }
}
