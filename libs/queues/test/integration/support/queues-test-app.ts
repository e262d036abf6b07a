import { Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { ObservabilityModule, queueMetrics } from '@qbm/observability';
import { JobWorkers, QueuesModule, type QueuesOptions } from '../../../src';

export interface QueuesTestSetup {
  queues: QueuesOptions;
  // Called from a provider's onModuleInit, as a service's processor would.
  register?: (workers: JobWorkers) => void;
}

// A service built from the kit: observability, the queues module and the test's processors.
export async function createQueuesTestApp(setup: QueuesTestSetup): Promise<NestFastifyApplication> {
  @Injectable()
  class TestProcessors implements OnModuleInit {
    constructor(@Inject(JobWorkers) private readonly workers: JobWorkers) {}

    onModuleInit(): void {
      setup.register?.(this.workers);
    }
  }

  @Module({
    imports: [
      ObservabilityModule.forRootAsync({
        useFactory: () => ({
          service: 'queues-test',
          version: '0.0.0-test',
          logLevel: 'silent',
          logPretty: false,
          slowQueryMs: 100,
        }),
        metrics: [queueMetrics()],
      }),
      QueuesModule.forRoot(setup.queues),
    ],
    providers: [TestProcessors],
  })
  class QueuesTestModule {}

  const moduleRef = await Test.createTestingModule({ imports: [QueuesTestModule] }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
  await app.init();
  return app;
}

export async function scrape(app: NestFastifyApplication): Promise<string> {
  const response = await app.inject({ method: 'GET', url: '/metrics' });
  if (response.statusCode !== 200) throw new Error(`GET /metrics answered ${response.statusCode}`);
  return response.body;
}
