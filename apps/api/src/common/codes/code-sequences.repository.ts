import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Transaction } from '../../database/transaction';

// Human-readable codes (OKR-2026Q1-001, NSM-000001, REQ-2026-0001). One counter row per
// (organisation, scope), bumped by an atomic upsert inside the caller's transaction: concurrent
// creates serialise on that row, and a rolled-back create gives its number back.
@Injectable()
export class CodeSequencesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async next(tx: Transaction, organizationId: string, scope: string): Promise<number> {
    const rows: Array<{ last_value: number }> = await Transaction.manager(this.dataSource, tx).query(
      `INSERT INTO code_sequences (organization_id, scope, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (organization_id, scope) DO UPDATE SET last_value = code_sequences.last_value + 1
       RETURNING last_value`,
      [organizationId, scope],
    );
    const value = rows[0]?.last_value;
    if (value === undefined) throw new Error('code sequence upsert returned no row');
    return Number(value);
  }
}
