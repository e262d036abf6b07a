import type { MetricDefinition } from '../metrics/metric-definition';

// SMTP and webhook round trips: tens of milliseconds when healthy, up to a client timeout when not.
const DELIVERY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] as const;

export const NOTIFICATION_METRICS = [
  {
    name: 'notifications_total',
    type: 'counter',
    help: 'Notification delivery attempts by channel, severity and result',
    labels: ['channel', 'severity', 'result'],
    capability: 'notifications',
  },
  {
    name: 'notification_delivery_duration_seconds',
    type: 'histogram',
    help: 'Time to hand one notification to its channel',
    labels: ['channel'],
    buckets: DELIVERY_BUCKETS,
    capability: 'notifications',
  },
  {
    name: 'notifications_deduplicated_total',
    type: 'counter',
    help: 'Notifications suppressed as repeats of a group already delivered',
    labels: [],
    capability: 'notifications',
  },
] as const satisfies readonly MetricDefinition[];
