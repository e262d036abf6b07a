import type { Provider } from '@nestjs/common';
import { makeCounterProvider, makeGaugeProvider, makeHistogramProvider } from '@willsoto/nestjs-prometheus';
import type { Gauge, Registry } from 'prom-client';
import type { MetricDefinition } from './metric-definition';
import { MetricsScrapeHooks } from './scrape-hooks.service';

// One @willsoto/nestjs-prometheus provider per definition (inject it with @InjectMetric(name)).
// Each metric registers in the app's own registry: willsoto's default is prom-client's global one,
// which every app in a process would share.
export function catalogueMetricProviders(definitions: readonly MetricDefinition[], registry: Registry): Provider[] {
  return definitions.map((definition) => {
    const common = {
      name: definition.name,
      help: definition.help,
      labelNames: [...definition.labels],
      registers: [registry],
    };
    switch (definition.type) {
      case 'counter':
        return makeCounterProvider(common);
      case 'histogram':
        return makeHistogramProvider({ ...common, buckets: [...(definition.buckets ?? [])] });
      case 'gauge':
        if (!definition.readAtScrape) return makeGaugeProvider(common);
        return makeGaugeProvider({
          ...common,
          inject: [MetricsScrapeHooks],
          collect(this: Gauge<string>, hooks: MetricsScrapeHooks): Promise<void> {
            return hooks.collect(this);
          },
        });
    }
  });
}
