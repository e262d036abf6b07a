import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Registry } from 'prom-client';
import { HealthReportService } from '../health/health-report.service';
import { OBSERVABILITY_OPTIONS, type ObservabilityOptions } from '../observability-options';
import { opsTokenMatches } from './ops-access.guard';

interface OpsAnswer {
  contentType: string;
  body: string;
}

// With `metricsPort` set, /metrics and /health/detailed are served only on that port (an internal
// one Prometheus and operators reach, never routed by the gateway); the public port answers 404.
@Injectable()
export class OpsPortServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OpsPortServer.name);
  private server: Server | undefined;
  private readonly routes = new Map<string, () => Promise<OpsAnswer>>([
    ['/metrics', async () => ({ contentType: this.registry.contentType, body: await this.registry.metrics() })],
    [
      '/health/detailed',
      async () => ({
        contentType: 'application/json; charset=utf-8',
        body: JSON.stringify(await this.health.detailed()),
      }),
    ],
  ]);

  constructor(
    private readonly registry: Registry,
    private readonly health: HealthReportService,
    @Inject(OBSERVABILITY_OPTIONS) private readonly options: ObservabilityOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const port = this.options.metricsPort;
    if (port === undefined) return;
    const server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.options.metricsHost ?? '0.0.0.0', () => resolve());
    });
    this.server = server;
    this.logger.log(`metrics and detailed health on port ${this.port() ?? port}`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  port(): number | undefined {
    const address = this.server?.address();
    return typeof address === 'object' && address ? address.port : undefined;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const route = request.method === 'GET' ? this.routes.get(request.url?.split('?')[0] ?? '') : undefined;
    if (!route) {
      response.writeHead(404).end();
      return;
    }
    if (this.options.metricsToken && !opsTokenMatches(request.headers.authorization, this.options.metricsToken)) {
      response.writeHead(401, { 'content-type': 'text/plain' }).end('A valid metrics token is required\n');
      return;
    }
    try {
      const answer = await route();
      response.writeHead(200, { 'content-type': answer.contentType, 'cache-control': 'no-store' }).end(answer.body);
    } catch (error) {
      this.logger.error({ err: error }, `${request.url ?? ''} failed`);
      response.writeHead(500).end();
    }
  }
}
