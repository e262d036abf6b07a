import type { InjectionToken, Provider } from '@nestjs/common';
import type { MetricCapabilityName } from './metric-definition';

// What a service declares it produces: the catalogue series of one capability, the provider that
// records them, and the instrumentation built on it. Built by httpMetrics(), cacheMetrics(...) etc.
export interface MetricsCapability {
  readonly capability: Exclude<MetricCapabilityName, 'core'>;
  readonly providers: readonly Provider[];
  readonly exports: readonly InjectionToken[];
}
