import {
  type DynamicModule,
  Global,
  type MiddlewareConsumer,
  Module,
  type NestModule,
  RequestMethod,
} from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { TypeOrmInstrumentation } from './database/typeorm-instrumentation.service';
import { HealthCheckRunner } from './health/health-check.runner';
import { HealthReportService } from './health/health-report.service';
import { HealthController } from './health/health.controller';
import { HealthRegistry } from './health/health.registry';
import { ShutdownState } from './health/shutdown-state.service';
import { SystemResourcesProbe } from './health/system-resources.probe';
import { CloseConnectionsWhenDrainingHook } from './http/close-connections-when-draining.hook';
import { HttpMetricsHook } from './http/http-metrics.hook';
import { HttpMetricsRecorder } from './http/http-metrics.recorder';
import { buildLoggerParams } from './logging/logger-params.factory';
import { RequestContextMiddleware } from './logging/request-context.middleware';
import { MetricsCatalogue } from './metrics/metrics-catalogue.service';
import { MetricsTokenGuard } from './metrics/metrics-token.guard';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsPortServer } from './metrics/metrics-port.server';
import { OBSERVABILITY_OPTIONS, type ObservabilityOptions } from './observability-options';
import { type ObservabilityAsyncOptions, ObservabilityOptionsModule } from './observability-options.module';
import { QueueInstrumentation } from './queue/queue-instrumentation.service';
import { RedisInstrumentation } from './redis/redis-instrumentation.service';

// Metrics, health endpoints and logging for one service; import once, in the app's root module.
@Global()
@Module({})
export class ObservabilityModule implements NestModule {
  static forRootAsync(asyncOptions: ObservabilityAsyncOptions): DynamicModule {
    const optionsModule = ObservabilityOptionsModule.register(asyncOptions);
    return {
      module: ObservabilityModule,
      imports: [
        optionsModule,
        LoggerModule.forRootAsync({
          imports: [optionsModule],
          inject: [OBSERVABILITY_OPTIONS],
          useFactory: (options: ObservabilityOptions) => buildLoggerParams(options),
        }),
      ],
      controllers: [MetricsController, HealthController],
      providers: [
        MetricsCatalogue,
        MetricsTokenGuard,
        MetricsPortServer,
        HttpMetricsRecorder,
        HttpMetricsHook,
        CloseConnectionsWhenDrainingHook,
        HealthRegistry,
        HealthCheckRunner,
        HealthReportService,
        ShutdownState,
        SystemResourcesProbe,
        TypeOrmInstrumentation,
        RedisInstrumentation,
        QueueInstrumentation,
      ],
      exports: [
        optionsModule,
        LoggerModule,
        MetricsCatalogue,
        MetricsPortServer,
        HealthRegistry,
        ShutdownState,
        TypeOrmInstrumentation,
        RedisInstrumentation,
        QueueInstrumentation,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes({ path: '{*splat}', method: RequestMethod.ALL });
  }
}
