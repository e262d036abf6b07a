import { type DynamicModule, type INestApplication, Module, type Provider, type Type } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import {
  aiMetrics,
  cacheMetrics,
  databaseMetrics,
  httpMetrics,
  type MetricsCapability,
  notificationMetrics,
  ObservabilityModule,
  type ObservabilityOptions,
  queueMetrics,
} from '../../../src';
import { OkrTestController } from './okr-test.controller';

export const TEST_OPTIONS: ObservabilityOptions = {
  service: 'api',
  version: '9.9.9-test',
  logLevel: 'silent',
  logPretty: false,
  slowQueryMs: 100,
};

export const TEST_CACHE_TYPES = ['objectives', 'okrs'] as const;

// Every capability, so each spec can reach every series; a spec about capabilities passes its own.
export function allCapabilities(): MetricsCapability[] {
  return [
    httpMetrics(),
    databaseMetrics(),
    cacheMetrics({ cacheTypes: TEST_CACHE_TYPES }),
    queueMetrics(),
    aiMetrics(),
    notificationMetrics({ channels: ['email', 'slack'], severities: ['critical', 'warning'] }),
  ];
}

export interface TestAppSetup {
  options?: Partial<ObservabilityOptions>;
  metrics?: MetricsCapability[];
  imports?: Array<Type | DynamicModule>;
  providers?: Provider[];
}

// A small API: the module under test, a controller with the shapes of real routes, the API's prefix.
export async function createTestApp(setup: TestAppSetup = {}): Promise<NestFastifyApplication> {
  const options = { ...TEST_OPTIONS, ...setup.options };

  @Module({
    imports: [
      ObservabilityModule.forRootAsync({ useFactory: () => options, metrics: setup.metrics ?? allCapabilities() }),
      ...(setup.imports ?? []),
    ],
    controllers: [OkrTestController],
    providers: setup.providers ?? [],
  })
  class TestAppModule {}

  const moduleRef = await Test.createTestingModule({ imports: [TestAppModule] }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
  app.setGlobalPrefix('api/v1', { exclude: ['metrics', 'health', 'health/{*path}'] });
  app.enableShutdownHooks();
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

export async function scrape(app: INestApplication, headers: Record<string, string> = {}): Promise<string> {
  const response = await (app as NestFastifyApplication).inject({ method: 'GET', url: '/metrics', headers });
  if (response.statusCode !== 200) throw new Error(`GET /metrics answered ${response.statusCode}`);
  return response.body;
}
