// `core` series come with every service; the rest only with the capabilities a service registers.
export const METRIC_CAPABILITIES = ['core', 'http', 'database', 'cache', 'queue', 'ai', 'notifications'] as const;
export type MetricCapabilityName = (typeof METRIC_CAPABILITIES)[number];

export type MetricType = 'counter' | 'gauge' | 'histogram';

// One entry of the catalogue. Names, labels and buckets are a contract with the alert rules and
// dashboards: never rename; add instead.
export interface MetricDefinition {
  readonly name: string;
  readonly type: MetricType;
  readonly help: string;
  readonly labels: readonly string[];
  readonly buckets?: readonly number[];
  readonly capability: MetricCapabilityName;
  // Read on each scrape through hooks (pool sizes, queue depths, Redis memory) rather than set as events happen.
  readonly readAtScrape?: boolean;
}
