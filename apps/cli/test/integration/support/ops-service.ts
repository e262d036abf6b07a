import type { AddressInfo } from 'node:net';
import { Module } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { ObservabilityModule } from '@qbm/observability';

export interface OpsService {
  url: string;
  close(): Promise<void>;
}

export const OPS_SERVICE_VERSION = '0.0.0-test';

// A service as every QBM app is assembled: @qbm/observability's health endpoints on Fastify,
// listening on a free loopback port. The doctor cannot tell it from the API.
export async function startOpsService(
  options: { metricsToken?: string; metricsPort?: number } = {},
): Promise<OpsService> {
  @Module({
    imports: [
      ObservabilityModule.forRootAsync({
        useFactory: () => ({
          service: 'api',
          version: OPS_SERVICE_VERSION,
          logLevel: 'silent',
          logPretty: false,
          slowQueryMs: 100,
          metricsToken: options.metricsToken,
          metricsPort: options.metricsPort,
          metricsHost: '127.0.0.1',
        }),
        metrics: [],
      }),
    ],
  })
  class OpsServiceModule {}

  const moduleRef = await Test.createTestingModule({ imports: [OpsServiceModule] }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
}
