import { Injectable, Module } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Registry } from 'prom-client';
import { CacheMetrics, OBSERVABILITY_OPTIONS, ObservabilityModule, type ObservabilityOptions } from '../../src';
import { allCapabilities, TEST_OPTIONS } from './support/test-app';

@Injectable()
class AppConfig {
  readonly version = '3.1.4';
}

@Module({ providers: [AppConfig], exports: [AppConfig] })
class ConfigModule {}

// A feature module that never imports ObservabilityModule: the metrics are global.
@Injectable()
class OkrService {
  constructor(
    readonly metrics: CacheMetrics,
    readonly registry: Registry,
  ) {}
}

@Module({ providers: [OkrService] })
class OkrModule {}

describe('ObservabilityModule.forRootAsync', () => {
  let app: NestFastifyApplication;
  const factory = jest.fn((config: AppConfig): ObservabilityOptions => ({ ...TEST_OPTIONS, version: config.version }));

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        ObservabilityModule.forRootAsync({
          imports: [ConfigModule],
          inject: [AppConfig],
          useFactory: factory,
          metrics: allCapabilities(),
        }),
        OkrModule,
      ],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
    await app.init();
  });

  afterAll(async () => {
    await app.close();
  });

  it('resolves the options once, from injected providers, for the logger and the rest alike', () => {
    expect(factory).toHaveBeenCalledTimes(1);
    expect(app.get<ObservabilityOptions>(OBSERVABILITY_OPTIONS).version).toBe('3.1.4');
  });

  it('shares one set of metrics (one registry) with every module', async () => {
    const service = app.get(OkrService);
    expect(service.metrics).toBe(app.get(CacheMetrics));
    expect(service.registry).toBe(app.get(Registry));
    expect(service.registry.getSingleMetric('cache_hits_total')).toBe(service.metrics.cacheHits);
    expect(await service.registry.metrics()).toContain('qbm_build_info{service="api",version="3.1.4"} 1');
  });
});
