import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { OBSERVABILITY_OPTIONS, type ObservabilityOptions } from '../observability-options';
import { HttpMetricsRecorder } from './http-metrics.recorder';

// The slice of Fastify this hook needs; the library does not depend on Fastify at run time.
interface FastifyLikeRequest {
  method: string;
  routeOptions: { url?: string };
}
interface FastifyLikeReply {
  statusCode: number;
  elapsedTime: number;
}
interface FastifyLikeInstance {
  addHook(name: 'onResponse', hook: (request: FastifyLikeRequest, reply: FastifyLikeReply) => Promise<void>): unknown;
}

// Records every request at Fastify's onResponse rather than in a Nest interceptor: only there is
// the status final (after exception filters, guards that reject, Nest's 201 default for POST)
// and are unmatched URLs (404s that never reach an interceptor) visible.
@Injectable()
export class HttpMetricsHook implements OnModuleInit {
  private readonly logger = new Logger(HttpMetricsHook.name);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly recorder: HttpMetricsRecorder,
    @Inject(OBSERVABILITY_OPTIONS) private readonly options: ObservabilityOptions,
  ) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter;
    // An app context without HTTP (a pure worker) has no adapter and nothing to count.
    if (!adapter || this.options.instrument === false) return;
    if (adapter.getType() !== 'fastify') {
      this.logger.warn(`HTTP metrics need the Fastify adapter; "${adapter.getType()}" requests are not counted`);
      return;
    }
    const instance = adapter.getInstance<FastifyLikeInstance>();
    instance.addHook('onResponse', (request, reply) => {
      this.recorder.record({
        method: request.method,
        routeTemplate: request.routeOptions.url,
        statusCode: reply.statusCode,
        durationSeconds: reply.elapsedTime / 1000,
      });
      return Promise.resolve();
    });
  }
}
