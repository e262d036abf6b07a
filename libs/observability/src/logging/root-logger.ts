import { type DynamicModule, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import { OBSERVABILITY_OPTIONS, type ObservabilityOptions } from '../observability-options';
import { logDestination, rootLoggerOptions } from './logger-params.factory';

// The service's one pino logger: nestjs-pino's loggers and the request log write through it.
export const ROOT_LOGGER = Symbol('qbm:root-logger');

export function createRootLogger(options: ObservabilityOptions): Logger {
  return pino(rootLoggerOptions(options), logDestination(options));
}

// Writes out the lines still gathered for a batched write when the service shuts down, and every
// line after (LineBatch.flushSync).
@Injectable()
export class RootLoggerFlush implements OnApplicationShutdown {
  constructor(@Inject(ROOT_LOGGER) private readonly logger: Logger) {}

  onApplicationShutdown(): void {
    const stream = (this.logger as unknown as Record<symbol, { flushSync?: () => void } | undefined>)[
      pino.symbols.streamSym
    ];
    try {
      stream?.flushSync?.();
    } catch {
      // A destination already closed has nothing left to write.
    }
  }
}

@Module({})
export class RootLoggerModule {
  static register(optionsModule: DynamicModule): DynamicModule {
    return {
      module: RootLoggerModule,
      imports: [optionsModule],
      providers: [
        { provide: ROOT_LOGGER, inject: [OBSERVABILITY_OPTIONS], useFactory: createRootLogger },
        RootLoggerFlush,
      ],
      exports: [ROOT_LOGGER],
    };
  }
}
