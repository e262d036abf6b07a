import type { MetricsCapability } from '../metrics/metrics-capability';
import { NotificationMetrics } from './notification.metrics';
import { NOTIFICATION_VOCABULARY, type NotificationVocabulary } from './notification-vocabulary.token';

// Delivery attempts by channel, severity and result, their duration, and repeats suppressed.
export function notificationMetrics(vocabulary: NotificationVocabulary): MetricsCapability {
  return {
    capability: 'notifications',
    providers: [
      {
        provide: NOTIFICATION_VOCABULARY,
        useValue: { channels: [...vocabulary.channels], severities: [...vocabulary.severities] },
      },
      NotificationMetrics,
    ],
    exports: [NotificationMetrics],
  };
}
