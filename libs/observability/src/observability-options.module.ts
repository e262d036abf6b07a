import { type DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';
import type { InjectionToken, OptionalFactoryDependency } from '@nestjs/common/interfaces';
import type { MetricsCapability } from './metrics/metrics-capability';
import { OBSERVABILITY_OPTIONS, type ObservabilityOptions } from './observability-options';

export interface ObservabilityAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  inject?: Array<InjectionToken | OptionalFactoryDependency>;
  useFactory: (...args: never[]) => ObservabilityOptions | Promise<ObservabilityOptions>;
  // The series this service produces beyond the core ones: [httpMetrics(), databaseMetrics(), ...].
  metrics?: readonly MetricsCapability[];
}

// Resolves the options once and shares them with the logger and the observability providers.
@Module({})
export class ObservabilityOptionsModule {
  static register(options: ObservabilityAsyncOptions): DynamicModule {
    return {
      module: ObservabilityOptionsModule,
      imports: options.imports ?? [],
      providers: [
        {
          provide: OBSERVABILITY_OPTIONS,
          inject: options.inject ?? [],
          useFactory: options.useFactory as (
            ...args: unknown[]
          ) => ObservabilityOptions | Promise<ObservabilityOptions>,
        },
      ],
      exports: [OBSERVABILITY_OPTIONS],
    };
  }
}
