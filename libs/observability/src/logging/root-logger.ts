import { type DynamicModule, Module } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import { OBSERVABILITY_OPTIONS, type ObservabilityOptions } from '../observability-options';
import { logDestination, rootLoggerOptions } from './logger-params.factory';

// The service's one pino logger: nestjs-pino's loggers and the request log write through it.
export const ROOT_LOGGER = Symbol('qbm:root-logger');

export function createRootLogger(options: ObservabilityOptions): Logger {
  return pino(rootLoggerOptions(options), logDestination(options));
}

@Module({})
export class RootLoggerModule {
  static register(optionsModule: DynamicModule): DynamicModule {
    return {
      module: RootLoggerModule,
      imports: [optionsModule],
      providers: [{ provide: ROOT_LOGGER, inject: [OBSERVABILITY_OPTIONS], useFactory: createRootLogger }],
      exports: [ROOT_LOGGER],
    };
  }
}
