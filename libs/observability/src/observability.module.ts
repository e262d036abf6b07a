import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { DiskUsageIndicator } from './health/disk-usage.indicator';
import { HealthReportService } from './health/health-report.service';
import { HealthController } from './health/health.controller';
import { HealthRegistry } from './health/health.registry';
import { MemoryUsageIndicator } from './health/memory-usage.indicator';
import { RegisteredCheckIndicator } from './health/registered-check.indicator';
import { ShutdownState } from './health/shutdown-state.service';
import { SystemResourcesCheck } from './health/system-resources.check';
import { SystemResourcesProbe } from './health/system-resources.probe';
import { TerminusChecks } from './health/terminus-checks.service';
import { CloseConnectionsWhenDrainingHook } from './http/close-connections-when-draining.hook';
import { buildLoggerParams } from './logging/logger-params.factory';
import { RequestContextHook } from './logging/request-context.hook';
import { RequestLogHook } from './logging/request-log.hook';
import { ROOT_LOGGER, RootLoggerModule } from './logging/root-logger';
import { MetricsModule } from './metrics/metrics.module';
import { OpsAccessGuard } from './metrics/ops-access.guard';
import { OpsPortServer } from './metrics/ops-port.server';
import { type ObservabilityAsyncOptions, ObservabilityOptionsModule } from './observability-options.module';

// Metrics, health endpoints and logging for one service; import once, in the app's root module.
@Global()
@Module({})
export class ObservabilityModule {
  static forRootAsync(asyncOptions: ObservabilityAsyncOptions): DynamicModule {
    const optionsModule = ObservabilityOptionsModule.register(asyncOptions);
    const metricsModule = MetricsModule.register(asyncOptions.metrics ?? [], optionsModule);
    const rootLoggerModule = RootLoggerModule.register(optionsModule);
    return {
      module: ObservabilityModule,
      imports: [
        optionsModule,
        rootLoggerModule,
        LoggerModule.forRootAsync({
          imports: [rootLoggerModule],
          inject: [ROOT_LOGGER],
          useFactory: (root: Logger) => buildLoggerParams(root),
        }),
        metricsModule,
        // Failed checks are reported by the endpoints themselves; a log line per probe would be noise.
        TerminusModule.forRoot({ logger: false }),
      ],
      controllers: [HealthController],
      providers: [
        OpsAccessGuard,
        OpsPortServer,
        CloseConnectionsWhenDrainingHook,
        RequestContextHook,
        RequestLogHook,
        HealthRegistry,
        TerminusChecks,
        RegisteredCheckIndicator,
        MemoryUsageIndicator,
        DiskUsageIndicator,
        SystemResourcesProbe,
        SystemResourcesCheck,
        HealthReportService,
        ShutdownState,
      ],
      exports: [optionsModule, LoggerModule, metricsModule, OpsPortServer, HealthRegistry, ShutdownState],
    };
  }
}
