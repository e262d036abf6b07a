import { type DynamicModule, Module } from '@nestjs/common';
import { getToken, PrometheusModule } from '@willsoto/nestjs-prometheus';
import { type Counter, Registry } from 'prom-client';
import { DEFAULT_LABEL_VALUE_CAP, OBSERVABILITY_OPTIONS, type ObservabilityOptions } from '../observability-options';
import { DependencyOutages } from '../dependencies/dependency-outages.service';
import { BuildInfoMetric } from './build-info.metric';
import { CardinalityGuard } from './cardinality-guard';
import { definitionsOf } from './metric-catalogue';
import type { MetricCapabilityName } from './metric-definition';
import { catalogueMetricProviders } from './metric-providers';
import type { MetricsCapability } from './metrics-capability';
import { MetricsController } from './metrics.controller';
import { MetricsScrapeHooks } from './scrape-hooks.service';

// prom-client's gauges named *_total fail `promtool check metrics`; the per-type gauges
// (nodejs_active_handles{type}, ...) carry the same numbers.
const LINT_FAILING_DEFAULT_METRICS = [
  'nodejs_active_handles_total',
  'nodejs_active_requests_total',
  'nodejs_active_resources_total',
];

// The core series and those of the capabilities a service declares, in one registry per app
// instance (tests boot several apps in one process; prom-client's global registry would mix them).
@Module({})
export class MetricsModule {
  static register(capabilities: readonly MetricsCapability[], optionsModule: DynamicModule): DynamicModule {
    const names = new Set<MetricCapabilityName>(['core']);
    for (const { capability } of capabilities) {
      if (names.has(capability)) throw new Error(`Metrics capability "${capability}" is registered twice`);
      names.add(capability);
    }
    const registry = new Registry();
    const prometheus = PrometheusModule.register({
      controller: MetricsController,
      path: '/metrics',
      defaultMetrics: { enabled: true, config: { register: registry } },
    });
    for (const name of LINT_FAILING_DEFAULT_METRICS) registry.removeSingleMetric(name);
    const capabilityExports = capabilities.flatMap((capability) => capability.exports);
    return {
      module: MetricsModule,
      imports: [optionsModule, prometheus],
      providers: [
        { provide: Registry, useValue: registry },
        MetricsScrapeHooks,
        ...catalogueMetricProviders(definitionsOf(names), registry),
        {
          provide: CardinalityGuard,
          inject: [getToken('label_values_folded_total'), OBSERVABILITY_OPTIONS],
          useFactory: (foldedTotal: Counter<'metric' | 'label'>, options: ObservabilityOptions) =>
            new CardinalityGuard(foldedTotal, options.labelValueCap ?? DEFAULT_LABEL_VALUE_CAP),
        },
        BuildInfoMetric,
        DependencyOutages,
        ...capabilities.flatMap((capability) => capability.providers),
      ],
      exports: [Registry, MetricsScrapeHooks, CardinalityGuard, DependencyOutages, ...capabilityExports],
    };
  }
}
