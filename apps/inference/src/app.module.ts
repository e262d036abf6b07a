import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiExceptionFilter } from '@qbm/http';
import { aiMetrics, databaseMetrics, httpMetrics, ObservabilityModule, queueMetrics } from '@qbm/observability';
import { QueuesModule } from '@qbm/queues';
import { RedisModule } from '@qbm/redis';
import { InferenceConfig } from './config/inference.config';
import { dataSourceOptions } from './database/data-source-options';
import { InferenceHealthRegistration } from './health/inference-health.registration';
import { ModelRegistryRepository } from './registry/model-registry.repository';
import { LedgerScorer } from './quality/ledger-scorer.service';
import { PredictionLedgerRepository } from './quality/prediction-ledger.repository';
import { ManageModelProcessor } from './processors/manage-model.processor';
import { PredictProcessor } from './processors/predict.processor';
import { ModelStore } from './serving/model-store.service';

@Global()
@Module({})
class InferenceConfigModule {
  static forRoot(config: InferenceConfig): DynamicModule {
    return {
      module: InferenceConfigModule,
      providers: [{ provide: InferenceConfig, useValue: config }],
      exports: [InferenceConfig],
    };
  }
}

// The inference service, assembled from the kit: config, logging/metrics/health, Redis, BullMQ,
// Postgres (the model registry); then the model store and the `predictions` worker.
@Module({})
export class InferenceModule {
  static forRoot(config: InferenceConfig): DynamicModule {
    return {
      module: InferenceModule,
      imports: [
        InferenceConfigModule.forRoot(config),
        RedisModule.forRoot({ url: config.redisUrl }),
        ObservabilityModule.forRootAsync({
          useFactory: () => ({
            service: 'inference',
            version: config.version,
            logLevel: config.log.level,
            logPretty: config.log.pretty,
            logDir: config.log.dir,
            metricsToken: config.metrics.token,
            metricsPort: config.metrics.port,
            metricsHost: config.metrics.host,
            slowQueryMs: config.database.slowQueryMs,
          }),
          metrics: [httpMetrics(), databaseMetrics(), queueMetrics(), aiMetrics()],
        }),
        QueuesModule.forRoot({ redisUrl: config.redisUrl, shutdownGraceMs: config.shutdownGraceMs }),
        TypeOrmModule.forRoot(dataSourceOptions(config)),
      ],
      providers: [
        ModelRegistryRepository,
        ModelStore,
        PredictProcessor,
        ManageModelProcessor,
        PredictionLedgerRepository,
        LedgerScorer,
        InferenceHealthRegistration,
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
      ],
    };
  }
}
