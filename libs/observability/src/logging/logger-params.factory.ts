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

// Lines are gathered here into writes of about 4 KB (one write per line cost more than a tenth of
// a cached read), written at least every LOG_FLUSH_MS, and at once when the service shuts down
// (RootLoggerModule) or the process exits. Each batch is encoded once and written synchronously,
// as pino's own destination does by default: nothing is left in flight when a signal ends the
// process, a slow reader holds the service back instead of filling its memory, and a 4 KB write
// costs 1 to 3 µs (measured to /dev/null and to a pipe), well under a microsecond a line.
// sonic-boom's own batching (minLength, asynchronous) measured the byte length of everything
// pending on each line (about a twentieth of a cached read's CPU) and, given strings, encoded each
// written chunk a second time; under load the old generation grew by 235 to 338 KB per scavenge
// with it, and by 77 to 90 KB with batches handed over as Buffers.
const LOG_BATCH_CHARS = 4096;
const LOG_FLUSH_MS = 100;

export interface LineSink {
  write(chunk: Buffer): unknown;
  flushSync(): void;
}

export class LineBatch implements DestinationStream {
  private lines: string[] = [];
  private chars = 0;
  private writeThrough = false;

  constructor(
    private readonly out: LineSink,
    private readonly batchChars = LOG_BATCH_CHARS,
  ) {}

  write(line: string): void {
    this.lines.push(line);
    this.chars += line.length;
    if (this.writeThrough) this.flushSync();
    else if (this.chars >= this.batchChars) this.release();
  }

  // Hands the gathered lines to the destination.
  release(): void {
    if (this.lines.length === 0) return;
    const chunk = this.lines.length === 1 ? (this.lines[0] as string) : this.lines.join('');
    this.lines = [];
    this.chars = 0;
    this.out.write(Buffer.from(chunk));
  }

  // Everything gathered and pending, written before this returns. Called as the service stops, so
  // every later line is written at once as well: a service stopped by a signal dies of it right
  // after Nest has closed, and no exit handler runs then.
  flushSync(): void {
    this.writeThrough = true;
    this.release();
    this.out.flushSync();
  }
}

// Every stdout batch of the process (one per root logger: tests start many), released by one
// timer and one pair of exit listeners however many there are.
const stdoutBatches = new Set<LineBatch>();
function releaseStdoutBatches(): void {
  for (const batch of stdoutBatches) batch.release();
}

function batchedStdout(): DestinationStream {
  // No minLength: each batch is one write, made before release() returns.
  const stdout = pino.destination({ dest: 1, sync: true, contentMode: 'buffer' });
  const batch = new LineBatch({
    // In buffer mode sonic-boom takes Buffers; its type declarations name only strings.
    write: (chunk) => stdout.write(chunk as unknown as string),
    flushSync: () => stdout.flushSync(),
  });
  if (stdoutBatches.size === 0) {
    setInterval(releaseStdoutBatches, LOG_FLUSH_MS).unref();
    process.prependListener('beforeExit', releaseStdoutBatches);
    process.prependListener('exit', releaseStdoutBatches);
  }
  stdoutBatches.add(batch);
  return batch;
}
