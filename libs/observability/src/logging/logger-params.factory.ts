import { join } from 'node:path';
import type { Params } from 'nestjs-pino';
import pino, { type DestinationStream, type Level, type Logger, type LoggerOptions, type StreamEntry } from 'pino';
import pretty from 'pino-pretty';
import type { ObservabilityOptions } from '../observability-options';
import { REDACTED, REDACTION_PATHS } from './redaction-paths';
import { logFieldsOf, requestContext } from './request-context';
import { RotatingFileStream } from './rotating-file.stream';
import { censorSecretFields } from './secret-fields.censor';

// nestjs-pino's Logger and PinoLogger write through the root logger. No per-request middleware
// (no route is given one): the request log is RequestLogHook's line at Fastify's onResponse, and
// lines logged during a request get its id from the root logger's mixin.
export function buildLoggerParams(root: Logger): Params {
  return { pinoHttp: { logger: root }, useExisting: true, forRoutes: [] };
}

// pino's ISO time, formatted once per millisecond: at a few thousand lines a second most lines
// share their millisecond with the one before.
let timeMs = 0;
let timeField = '';
function isoTime(): string {
  const now = Date.now();
  if (now !== timeMs) {
    timeMs = now;
    timeField = `,"time":"${new Date(now).toISOString()}"`;
  }
  return timeField;
}

const NO_FIELDS: Record<string, string> = Object.freeze({});

export function rootLoggerOptions(options: ObservabilityOptions): LoggerOptions {
  return {
    name: options.service,
    level: options.logLevel,
    base: { service: options.service, version: options.version, pid: process.pid },
    timestamp: isoTime,
    formatters: { level: (label) => ({ level: label }), log: censorSecretFields },
    redact: { paths: [...REDACTION_PATHS], censor: REDACTED },
    // The request a line was logged for, unless the line names one itself.
    mixin: (mergeObject) => {
      const store = requestContext.getStore();
      return store && !('request_id' in mergeObject) ? logFieldsOf(store) : NO_FIELDS;
    },
    mixinMergeStrategy: (mergeObject, mixinObject) =>
      mixinObject === NO_FIELDS ? mergeObject : Object.assign(mixinObject, mergeObject),
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
