import type { ModuleMetadata } from '@nestjs/common';
import type { InjectionToken, OptionalFactoryDependency } from '@nestjs/common/interfaces';

export interface QueuesOptions {
  redisUrl: string;
  // BullMQ's key prefix; default 'bull'.
  prefix?: string;
  // How long shutdown waits for in-flight jobs before closing workers by force.
  shutdownGraceMs?: number;
  watchdog?: {
    intervalMs?: number;
    // A worker idle while jobs wait, or without its blocking connection, this long is stalled.
    stallAfterMs?: number;
  };
  health?: {
    // Whether the queue check gates /health/ready (default true: a worker service exists to take jobs).
    readiness?: boolean;
    timeoutMs?: number;
  };
}

export interface QueuesAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  inject?: Array<InjectionToken | OptionalFactoryDependency>;
  useFactory: (...args: never[]) => QueuesOptions | Promise<QueuesOptions>;
}

export type ResolvedQueuesOptions = Required<Pick<QueuesOptions, 'redisUrl' | 'prefix' | 'shutdownGraceMs'>> & {
  watchdog: { intervalMs: number; stallAfterMs: number };
  health: { readiness: boolean; timeoutMs: number };
};

export const QUEUES_OPTIONS = Symbol('qbm:queues-options');

export function resolveQueuesOptions(options: QueuesOptions): ResolvedQueuesOptions {
  return {
    redisUrl: options.redisUrl,
    prefix: options.prefix ?? 'bull',
    shutdownGraceMs: options.shutdownGraceMs ?? 10_000,
    watchdog: {
      intervalMs: options.watchdog?.intervalMs ?? 5_000,
      stallAfterMs: options.watchdog?.stallAfterMs ?? 60_000,
    },
    health: { readiness: options.health?.readiness ?? true, timeoutMs: options.health?.timeoutMs ?? 500 },
  };
}
