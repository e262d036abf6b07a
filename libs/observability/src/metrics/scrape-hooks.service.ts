import { Injectable } from '@nestjs/common';
import type { Gauge } from 'prom-client';

type ScrapeHook = () => void | Promise<void>;

// Values read at scrape time (pool sizes, queue depths, Redis memory): a hook runs whenever one of
// its gauges is collected. One instance per app, like its registry.
@Injectable()
export class MetricsScrapeHooks {
  private readonly hooks = new Map<Gauge<string>, ScrapeHook[]>();

  onScrape(gauges: ReadonlyArray<Gauge<string>>, hook: ScrapeHook): void {
    for (const gauge of gauges) {
      const hooks = this.hooks.get(gauge) ?? [];
      hooks.push(hook);
      this.hooks.set(gauge, hooks);
    }
  }

  async collect(gauge: Gauge<string>): Promise<void> {
    for (const hook of this.hooks.get(gauge) ?? []) await hook();
  }
}
