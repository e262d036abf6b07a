import type { Counter, Gauge, Histogram } from 'prom-client';
import { AI_METRICS } from '../ai/ai.catalogue';
import { CACHE_METRICS } from '../cache/cache.catalogue';
import { DATABASE_METRICS } from '../database/database.catalogue';
import { HTTP_METRICS } from '../http/http.catalogue';
import { NOTIFICATION_METRICS } from '../notifications/notifications.catalogue';
import { QUEUE_METRICS } from '../queue/queue.catalogue';
import { CORE_METRICS } from './core.catalogue';
import type { MetricCapabilityName, MetricDefinition } from './metric-definition';

// Every series a QBM service may expose, as data: it drives the metric providers, and ops checks
// (scripts/check-ops.mjs) read it from the built package instead of parsing source.
export const METRIC_CATALOGUE = [
  ...CORE_METRICS,
  ...HTTP_METRICS,
  ...DATABASE_METRICS,
  ...CACHE_METRICS,
  ...QUEUE_METRICS,
  ...AI_METRICS,
  ...NOTIFICATION_METRICS,
] as const satisfies readonly MetricDefinition[];

type CatalogueEntry = (typeof METRIC_CATALOGUE)[number];
export type MetricName = CatalogueEntry['name'];
type EntryNamed<N extends MetricName> = Extract<CatalogueEntry, { name: N }>;
type LabelOf<N extends MetricName> = EntryNamed<N>['labels'][number];

// The prom-client type of a catalogue metric, with its label names: `CatalogueMetric<'api_requests_total'>`.
export type CatalogueMetric<N extends MetricName> = EntryNamed<N>['type'] extends 'counter'
  ? Counter<LabelOf<N>>
  : EntryNamed<N>['type'] extends 'gauge'
    ? Gauge<LabelOf<N>>
    : Histogram<LabelOf<N>>;

export function definitionsOf(capabilities: ReadonlySet<MetricCapabilityName>): MetricDefinition[] {
  return METRIC_CATALOGUE.filter((definition) => capabilities.has(definition.capability));
}
