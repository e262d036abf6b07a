import { DynamicModule, Module } from '@nestjs/common';
import Redis from 'ioredis';
import { createRedisClient } from './redis-client.factory';
import { RedisLifecycle } from './redis-lifecycle.service';
import { RedisModuleOptions } from './redis-module-options';

// One shared, fail-fast client per process (cache, rate limits, health), injected as `Redis`.
@Module({})
export class RedisModule {
  static forRoot(options: RedisModuleOptions): DynamicModule {
    return {
      module: RedisModule,
      global: true,
      providers: [{ provide: Redis, useFactory: () => createRedisClient(options.url) }, RedisLifecycle],
      exports: [Redis],
    };
  }
}
