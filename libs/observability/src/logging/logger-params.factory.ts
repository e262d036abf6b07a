import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import pino, { type DestinationStream, type Level, type StreamEntry } from 'pino';
import pretty from 'pino-pretty';
import type { ObservabilityOptions } from '../observability-options';
import { REDACTED, REDACTION_PATHS } from './redaction-paths';
import { serializeRequest, serializeResponse } from './request-log.serializers';
import { resolveRequestId } from './request-id';
import { RotatingFileStream } from './rotating-file.stream';
import { censorSecretFields } from './secret-fields.censor';

// Probes and scrapes every few seconds would drown the request log.
const QUIET_URL = /^\/(?:[^?]*\/)?(?:metrics|health(?:\/[a-z]+)?)(?:\?.*)?$/;

export function buildLoggerParams(options: ObservabilityOptions): Params {
  return {
    // Nest 11 path syntax for "every route" (the library's default '*' logs a deprecation warning).
    forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
    pinoHttp: [
      {
        name: options.service,
        level: options.logLevel,
        base: { service: options.service, version: options.version, pid: process.pid },
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }), log: censorSecretFields },
        redact: { paths: [...REDACTION_PATHS], censor: REDACTED },
        serializers: { req: serializeRequest, res: serializeResponse },
        genReqId: (req, res) => resolveRequestId(req, res),
        customProps: (req, res) => ({
          request_id: resolveRequestId(req, res),
          ...traceContext(req.headers.traceparent),
        }),
        autoLogging: { ignore: (req) => QUIET_URL.test(requestPath(req)) },
        // A 503 is a dependency outage, logged once where it is detected: its requests must not flood the error log.
        customLogLevel: (_req, res, error) =>
          res.statusCode === 503
            ? 'warn'
            : error || res.statusCode >= 500
              ? 'error'
              : res.statusCode >= 400
                ? 'warn'
                : 'info',
      },
      logDestination(options),
    ],
  };
}

export function logDestination(options: ObservabilityOptions): DestinationStream {
  const level = options.logLevel as Level;
  const console: DestinationStream = options.logPretty
    ? pretty({ colorize: true, translateTime: 'SYS:standard', ignore: 'pid,hostname' })
    : batchedStdout();
  if (!options.logDir) return console;
  const streams: StreamEntry[] = [
    { level, stream: console },
    { level, stream: new RotatingFileStream(join(options.logDir, 'app.log')) },
    { level: 'error', stream: new RotatingFileStream(join(options.logDir, 'error.log')) },
  ];
  return pino.multistream(streams);
}

// Lines are gathered into writes of about 4 KB (one write per line cost more than a tenth of a
// cached read), flushed at least every LOG_FLUSH_MS; pino flushes what is pending when the process
// exits, so only a SIGKILL can lose the last fraction of a second.
const LOG_FLUSH_MS = 100;
function batchedStdout(): DestinationStream {
  const stdout = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  // A callback, so that a flush after the stream closed reports instead of throwing. The callback
  // waits for the stream's drain (a listener each): one flush at a time, or under a steady write
  // load they pile up, one per interval, until the stream drains.
  let flushing = false;
  setInterval(() => {
    if (flushing) return;
    flushing = true;
    stdout.flush(() => (flushing = false));
  }, LOG_FLUSH_MS).unref();
  return stdout;
}

// Middleware mounted on a path sees a url relative to it; originalUrl is the full one.
function requestPath(req: IncomingMessage & { originalUrl?: string }): string {
  return req.originalUrl ?? req.url ?? '';
}

// W3C traceparent: version-traceid-spanid-flags.
function traceContext(header: string | string[] | undefined): { trace_id?: string; span_id?: string } {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? /^[\da-f]{2}-([\da-f]{32})-([\da-f]{16})-[\da-f]{2}$/.exec(value) : null;
  return match?.[1] && match[2] ? { trace_id: match[1], span_id: match[2] } : {};
}
