import type { MetricDefinition } from './metric-definition';

export const CORE_METRICS = [
  {
    name: 'qbm_build_info',
    type: 'gauge',
    help: 'Service name and version; always 1',
    labels: ['service', 'version'],
    capability: 'core',
  },
  {
    name: 'label_values_folded_total',
    type: 'counter',
    help: 'Label values replaced by "other" because the label reached its distinct-value cap',
    labels: ['metric', 'label'],
    capability: 'core',
  },
  {
    name: 'dependency_errors_total',
    type: 'counter',
    help: 'Calls that failed because a dependency (database, redis, queue, smtp, slack...) was unreachable or saturated',
    labels: ['dependency', 'reason'],
    capability: 'core',
  },
] as const satisfies readonly MetricDefinition[];
