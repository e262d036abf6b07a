import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Level, Logger } from 'pino';
import { logFieldsOf } from './request-context';
import { requestContextFor } from './request-id';
import { ROOT_LOGGER } from './root-logger';
import { censorHeaders, censorSecretFields, censorUrl, PRE_CENSORED } from './secret-fields.censor';

// The slice of Fastify this hook needs; the library does not depend on Fastify at run time.
interface FastifyLikeRequest {
  raw: IncomingMessage;
  method: string;
  url: string;
  query: unknown;
}
interface FastifyLikeReply {
  raw: ServerResponse;
  statusCode: number;
  elapsedTime: number;
}
type Hook = (request: FastifyLikeRequest, reply: FastifyLikeReply, done: () => void) => void;
interface FastifyLikeInstance {
  addHook(name: 'onResponse' | 'onRequestAbort', hook: Hook): unknown;
}

// The headers a request line keeps: what says who asked and what was sent. All of them (about 1 KB
// a line) cost a third of the line's CPU and filled the 10 MB log files ten times faster, and
// held cookies and tokens only the censor kept out.
const LOGGED_REQUEST_HEADERS = ['user-agent', 'content-type', 'content-length', 'x-forwarded-for'] as const;
const LOGGED_RESPONSE_HEADERS = ['content-type', 'content-length'] as const;

// Probes and scrapes every few seconds would drown the request log.
const QUIET_URL = /^\/(?:[^?]*\/)?(?:metrics|health(?:\/[a-z]+)?)(?:\?.*)?$/;

// A 503 is a dependency outage, logged once where it is detected: its requests must not flood the
// error log.
export function requestLogLevel(statusCode: number): Level {
  if (statusCode === 503) return 'warn';
  if (statusCode >= 500) return 'error';
  return statusCode >= 400 ? 'warn' : 'info';
}

// One line per request, written when the response is done, with the fields pino-http used to
// write (req, request_id, trace, res, responseTime) so log queries keep working. It is written from
// the root logger at Fastify's onResponse: pino-http made two child loggers per request (theirs and
// nestjs-pino's binding, each serialising the request) and ran through middie, about a fifth of
// the CPU of a cached read. Lines logged while handling a request get its id from the root
// logger's mixin (the request context) instead of from a per-request child.
@Injectable()
export class RequestLogHook implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter;
    if (!adapter || adapter.getType() !== 'fastify') return;
    const instance = adapter.getInstance<FastifyLikeInstance>();
    // Callback style: an async hook would allocate a promise per request.
    instance.addHook('onResponse', (request, reply, done) => {
      try {
        this.write(request, reply, requestLogLevel(reply.statusCode));
      } finally {
        done();
      }
    });
    // A client that went away before the answer: no onResponse follows.
    instance.addHook('onRequestAbort', (request, reply, done) => {
      try {
        this.write(request, reply, 'info', 'request aborted');
      } finally {
        done();
      }
    });
  }

  private write(request: FastifyLikeRequest, reply: FastifyLikeReply, level: Level, message?: string): void {
    if (!this.logger.isLevelEnabled(level) || QUIET_URL.test(request.url)) return;
    const { raw } = request;
    const statusCode = reply.statusCode;
    const context = requestContextFor(raw, reply.raw);
    // Censored here, as it is built, so the logger's formatter need not walk the line again.
    const line: Record<string, unknown> & { [PRE_CENSORED]?: true } = {
      req: {
        id: context.requestId,
        method: request.method,
        url: censorUrl(request.url),
        // A plain copy: Fastify's parsed query is no plain object, which the censor would not walk.
        query:
          typeof request.query === 'object' && request.query !== null
            ? censorSecretFields({ ...request.query })
            : request.query,
        headers: censorHeaders(pick(raw.headers, LOGGED_REQUEST_HEADERS)),
        remoteAddress: raw.socket?.remoteAddress,
        remotePort: raw.socket?.remotePort,
      },
      ...logFieldsOf(context),
      res: { statusCode, headers: pickResponseHeaders(reply.raw) },
      responseTime: Math.round(reply.elapsedTime * 10) / 10,
      [PRE_CENSORED]: true,
    };
    if (message) {
      this.logger[level](line, message);
    } else if (statusCode >= 500) {
      line.err = { type: 'Error', message: `failed with status code ${statusCode}` };
      this.logger[level](line, 'request errored');
    } else {
      this.logger[level](line, 'request completed');
    }
  }
}

function pick(headers: IncomingMessage['headers'], names: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const name of names) {
    const value = headers[name];
    if (value !== undefined) picked[name] = value;
  }
  return picked;
}

function pickResponseHeaders(response: ServerResponse): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const name of LOGGED_RESPONSE_HEADERS) {
    const value = response.getHeader(name);
    if (value !== undefined) picked[name] = value;
  }
  return picked;
}
