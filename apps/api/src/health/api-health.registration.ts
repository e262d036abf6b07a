import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  databaseCheck,
  HealthRegistry,
  redisCheck,
  RedisInstrumentation,
  TypeOrmInstrumentation,
} from '@qbm/observability';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';

// Wires the API's own dependencies into the shared health and metrics machinery.
@Injectable()
export class ApiHealthRegistration implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly redis: Redis,
    private readonly health: HealthRegistry,
    private readonly typeOrm: TypeOrmInstrumentation,
    private readonly redisMetrics: RedisInstrumentation,
  ) {}

  onModuleInit(): void {
    this.typeOrm.attach(this.dataSource);
    this.redisMetrics.attach(this.redis);
    this.health.register(databaseCheck(this.dataSource));
    this.health.register(redisCheck(this.redis));
  }
}
