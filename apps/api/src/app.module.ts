import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiExceptionFilter, AuthGuard, AuthModule, createValidationPipe, NulCharacterPipe } from '@qbm/http';
import {
  aiMetrics,
  cacheMetrics,
  databaseMetrics,
  httpMetrics,
  ObservabilityModule,
  queueMetrics,
} from '@qbm/observability';
import { QueuesModule } from '@qbm/queues';
import { RedisModule } from '@qbm/redis';
import { CACHE_TTL_SECONDS } from './common/cache/cache-type';
import { CoreModule } from './common/core.module';
import { RateLimitGuard } from './common/rate-limit/rate-limit.guard';
import { ApiConfig } from './config/api.config';
import { dataSourceOptions } from './database/data-source-options';
import { CachedReadFastPath } from './fast-path/cached-read.fast-path';
import { ApiHealthRegistration } from './health/api-health.registration';
import { DecisionRequirementsModule } from './modules/decision-requirements/decision-requirements.module';
import { NorthStarMetricsModule } from './modules/north-star-metrics/north-star-metrics.module';
import { ObjectivesModule } from './modules/objectives/objectives.module';
import { OkrsModule } from './modules/okrs/okrs.module';
import { PredictionsModule } from './modules/predictions/predictions.module';

@Module({})
export class AppModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        RedisModule.forRoot({ url: config.redisUrl }),
        AuthModule.forRoot(config.jwt),
        ObservabilityModule.forRootAsync({
          useFactory: () => ({
            service: 'api',
            version: config.version,
            logLevel: config.log.level,
            logPretty: config.log.pretty,
            logDir: config.log.dir,
            metricsToken: config.metrics.token,
            metricsPort: config.metrics.port,
            metricsHost: config.metrics.host,
            slowQueryMs: config.database.slowQueryMs,
            instrument: config.requestInstrumentation,
          }),
          metrics: [
            httpMetrics(),
            databaseMetrics(),
            cacheMetrics({ cacheTypes: Object.keys(CACHE_TTL_SECONDS) }),
            // The API produces jobs (internal alerts, predictions); it runs no workers.
            queueMetrics(),
            aiMetrics(),
          ],
        }),
        // The API only produces jobs (predictions, internal alerts): the queue check stays out of its
        // readiness; a queue outage is a coded 503 on the routes that need it.
        QueuesModule.forRoot({
          redisUrl: config.redisUrl,
          shutdownGraceMs: config.shutdownGraceMs,
          health: { readiness: false },
        }),
        TypeOrmModule.forRoot(dataSourceOptions(config)),
        ObjectivesModule,
        NorthStarMetricsModule,
        OkrsModule,
        DecisionRequirementsModule,
        PredictionsModule,
      ],
      providers: [
        ApiHealthRegistration,
        CachedReadFastPath,
        // Guards run in this order: how often (callers with bad tokens count too), then who is calling.
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_PIPE, useClass: NulCharacterPipe },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
