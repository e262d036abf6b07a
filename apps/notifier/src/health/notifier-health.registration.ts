import { Injectable, type OnModuleInit } from '@nestjs/common';
import { databaseCheck, HealthRegistry, redisCheck, TypeOrmInstrumentation } from '@qbm/observability';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';

// Wires the notifier's own dependencies into the shared health and metrics machinery; the queues
// kit registers its own check.
@Injectable()
export class NotifierHealthRegistration implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly redis: Redis,
    private readonly health: HealthRegistry,
    private readonly typeOrm: TypeOrmInstrumentation,
  ) {}

  onModuleInit(): void {
    this.typeOrm.attach(this.dataSource);
    this.health.register(databaseCheck(this.dataSource));
    this.health.register(redisCheck(this.redis));
  }
}
