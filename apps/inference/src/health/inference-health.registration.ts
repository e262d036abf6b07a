import { Injectable, type OnModuleInit } from '@nestjs/common';
import { databaseCheck, HealthRegistry, redisCheck, TypeOrmInstrumentation } from '@qbm/observability';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { ModelStore } from '../serving/model-store.service';

// Ready only once every model is loaded: a worker without models would fail every job.
@Injectable()
export class InferenceHealthRegistration implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly redis: Redis,
    private readonly health: HealthRegistry,
    private readonly typeOrm: TypeOrmInstrumentation,
    private readonly store: ModelStore,
  ) {}

  onModuleInit(): void {
    this.typeOrm.attach(this.dataSource);
    this.health.register(databaseCheck(this.dataSource));
    this.health.register(redisCheck(this.redis));
    this.health.register({
      name: 'models',
      readiness: true,
      run: () => {
        if (!this.store.ready) return Promise.reject(new Error('models are loading'));
        return Promise.resolve(this.store.status());
      },
    });
  }
}
