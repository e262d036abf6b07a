import { Injectable, OnModuleInit } from '@nestjs/common';
import { DependencyOutages } from '@qbm/observability';
import { DataSource } from 'typeorm';
import { DatabaseRecoverySubscriber } from './database-recovery.subscriber';

@Injectable()
export class DatabaseOutageRegistration implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outages: DependencyOutages,
  ) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(new DatabaseRecoverySubscriber(this.outages));
  }
}
