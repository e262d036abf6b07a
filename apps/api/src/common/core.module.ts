import { DynamicModule, Global, Module } from '@nestjs/common';
import Redis from 'ioredis';
import { ApiConfig } from '../config/api.config';
import { TokenService } from './auth/token.service';
import { CacheSizeSampler } from './cache/cache-size.sampler';
import { ReadCacheService } from './cache/read-cache.service';
import { CodeSequenceService } from './codes/code-sequence.service';
import { redisProvider } from './redis/redis.provider';
import { RedisLifecycle } from './redis/redis-lifecycle.service';

@Global()
@Module({})
export class CoreModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: ApiConfig, useValue: config },
        redisProvider,
        RedisLifecycle,
        ReadCacheService,
        CacheSizeSampler,
        TokenService,
        CodeSequenceService,
      ],
      exports: [ApiConfig, Redis, ReadCacheService, CacheSizeSampler, TokenService, CodeSequenceService],
    };
  }
}
