import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiExceptionFilter, AuthGuard, AuthModule, createValidationPipe, NulCharacterPipe } from '@qbm/http';
import {
  databaseMetrics,
  httpMetrics,
  notificationMetrics,
  ObservabilityModule,
  queueMetrics,
} from '@qbm/observability';
import { QueuesModule } from '@qbm/queues';
import { RedisModule } from '@qbm/redis';
import { SEVERITIES } from './alerts/domain/alert-group';
import { CoreModule } from './common/core.module';
import { NotifierConfig } from './config/notifier.config';
import { CHANNELS } from './config/routing/routing-config';
import { dataSourceOptions } from './database/data-source-options';
import { DeliveryModule } from './delivery/delivery.module';
import { NotifierHealthRegistration } from './health/notifier-health.registration';
import { IntakeModule } from './intake/intake.module';
import { NotificationsModule } from './notifications/notifications.module';

// The notifier, assembled from the kit: config, logging/metrics/health, Redis, BullMQ, JWT auth
// for the history, the coded error filter and pipes; then its own three feature modules.
@Module({})
export class NotifierModule {
  static forRoot(config: NotifierConfig): DynamicModule {
    return {
      module: NotifierModule,
      imports: [
        CoreModule.forRoot(config),
        RedisModule.forRoot({ url: config.redisUrl }),
        AuthModule.forRoot(config.jwt),
        ObservabilityModule.forRootAsync({
          useFactory: () => ({
            service: 'notifier',
            version: config.version,
            logLevel: config.log.level,
            logPretty: config.log.pretty,
            logDir: config.log.dir,
            metricsToken: config.metrics.token,
            metricsPort: config.metrics.port,
            metricsHost: config.metrics.host,
            slowQueryMs: config.database.slowQueryMs,
          }),
          metrics: [
            httpMetrics(),
            databaseMetrics(),
            queueMetrics(),
            notificationMetrics({ channels: CHANNELS, severities: SEVERITIES }),
          ],
        }),
        QueuesModule.forRoot({ redisUrl: config.redisUrl, shutdownGraceMs: config.shutdownGraceMs }),
        TypeOrmModule.forRoot(dataSourceOptions(config)),
        IntakeModule,
        DeliveryModule,
        NotificationsModule,
      ],
      providers: [
        NotifierHealthRegistration,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_PIPE, useClass: NulCharacterPipe },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
