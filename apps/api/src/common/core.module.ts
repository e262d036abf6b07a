import { DynamicModule, Global, Module } from '@nestjs/common';
import { ApiConfig } from '../config/api.config';
import { CacheSizeSampler } from './cache/cache-size.sampler';
import { ReadCacheService } from './cache/read-cache.service';
import { CodeSequenceService } from './codes/code-sequence.service';

@Global()
@Module({})
export class CoreModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: CoreModule,
      providers: [{ provide: ApiConfig, useValue: config }, ReadCacheService, CacheSizeSampler, CodeSequenceService],
      exports: [ApiConfig, ReadCacheService, CacheSizeSampler, CodeSequenceService],
    };
  }
}
