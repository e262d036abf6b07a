import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { OBSERVABILITY_OPTIONS, type ObservabilityOptions } from '../observability-options';
import { MetricsCatalogue } from './metrics-catalogue.service';
import { metricsTokenMatches } from './metrics-token.guard';

// With `metricsPort` set, /metrics is served only on that port (an internal one Prometheus reaches,
// never routed by the gateway) and the public port answers 404 for it.
@Injectable()
export class MetricsPortServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsPortServer.name);
  private server: Server | undefined;

  constructor(
    private readonly catalogue: MetricsCatalogue,
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
    this.logger.log(`metrics on port ${this.port() ?? port}`);
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
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    if (this.options.metricsToken && !metricsTokenMatches(request.headers.authorization, this.options.metricsToken)) {
      response.writeHead(401, { 'content-type': 'text/plain' }).end('A valid metrics token is required\n');
      return;
    }
    try {
      const body = await this.catalogue.metrics();
      response
        .writeHead(200, { 'content-type': this.catalogue.registry.contentType, 'cache-control': 'no-store' })
        .end(body);
    } catch (error) {
      this.logger.error({ err: error }, 'metrics collection failed');
      response.writeHead(500).end();
    }
  }
}
