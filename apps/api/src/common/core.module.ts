import { DynamicModule, Global, Module } from '@nestjs/common';
import { ApiConfig } from '../config/api.config';
import { CacheSizeSampler } from './cache/cache-size.sampler';
import { ReadCacheService } from './cache/read-cache.service';
import { CodeSequencesRepository } from './codes/code-sequences.repository';

@Global()
@Module({})
export class CoreModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: ApiConfig, useValue: config },
        ReadCacheService,
        CacheSizeSampler,
        CodeSequencesRepository,
      ],
      exports: [ApiConfig, ReadCacheService, CacheSizeSampler, CodeSequencesRepository],
    };
  }
}
