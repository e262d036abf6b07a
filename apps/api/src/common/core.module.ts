import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ApiConfig } from '../config/api.config';
import { CacheSizeSampler } from './cache/cache-size.sampler';
import { ReadCacheService } from './cache/read-cache.service';
import { CodeSequencesRepository } from './codes/code-sequences.repository';
import { DatabaseOutageInterceptor } from './outages/database-outage.interceptor';
import { DatabaseOutageRegistration } from './outages/database-outage.registration';

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
        DatabaseOutageRegistration,
        { provide: APP_INTERCEPTOR, useClass: DatabaseOutageInterceptor },
      ],
      exports: [ApiConfig, ReadCacheService, CacheSizeSampler, CodeSequencesRepository],
    };
  }
}
