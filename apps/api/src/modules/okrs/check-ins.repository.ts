import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Page } from '../../common/pagination/page';
import { paginate } from '../../common/pagination/paginate';
import { Transaction } from '../../database/transaction';
import { CHECK_IN_SORT, ListCheckInsRequestDto } from './dto/list-check-ins.request.dto';
import { KeyResultCheckIn } from './entities/key-result-check-in.entity';

@Injectable()
export class CheckInsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // The check-in that defines the key result's current value: latest by checkedInAt, then by recording order.
  latest(tx: Transaction, keyResultId: string): Promise<KeyResultCheckIn | null> {
    return Transaction.manager(this.dataSource, tx).findOne(KeyResultCheckIn, {
      where: { keyResultId },
      order: { checkedInAt: 'DESC', createdAt: 'DESC', id: 'DESC' },
    });
  }

  list(organizationId: string, keyResultId: string, query: ListCheckInsRequestDto): Promise<Page<KeyResultCheckIn>> {
    const qb = this.dataSource
      .getRepository(KeyResultCheckIn)
      .createQueryBuilder('c')
      .where('c.organizationId = :organizationId AND c.keyResultId = :keyResultId', { organizationId, keyResultId });
    return paginate(qb, query, { fields: CHECK_IN_SORT, defaultField: 'checkedInAt' });
  }

  create(fields: Partial<KeyResultCheckIn>): KeyResultCheckIn {
    return this.dataSource.getRepository(KeyResultCheckIn).create(fields);
  }

  save(tx: Transaction, checkIn: KeyResultCheckIn): Promise<KeyResultCheckIn> {
    return Transaction.manager(this.dataSource, tx).save(KeyResultCheckIn, checkIn);
  }
}
