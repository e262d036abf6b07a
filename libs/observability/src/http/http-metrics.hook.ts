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
type OnResponseHook = (request: FastifyLikeRequest, reply: FastifyLikeReply, done: () => void) => void;
interface FastifyLikeInstance {
  addHook(name: 'onResponse', hook: OnResponseHook): unknown;
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
    const recorder = this.recorder;
    // Callback style: an async hook would allocate a promise per request.
    adapter.getInstance<FastifyLikeInstance>().addHook('onResponse', (request, reply, done) => {
      try {
        recorder.record(request.method, request.routeOptions.url, reply.statusCode, reply.elapsedTime / 1000);
      } finally {
        done();
      }
    });
  }
}
