import { Inject, Injectable } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import { CardinalityGuard } from '../metrics/cardinality-guard';
import type { CatalogueMetric } from '../metrics/metric-catalogue';
import { NOTIFICATION_RESULTS } from '../metrics/metric-labels';
import { NOTIFICATION_VOCABULARY, type NotificationVocabulary } from './notification-vocabulary.token';

@Injectable()
export class NotificationMetrics {
  constructor(
    @InjectMetric('notifications_total') readonly notificationsTotal: CatalogueMetric<'notifications_total'>,
    @InjectMetric('notification_delivery_duration_seconds')
    readonly notificationDeliveryDuration: CatalogueMetric<'notification_delivery_duration_seconds'>,
    @InjectMetric('notifications_deduplicated_total')
    readonly notificationsDeduplicatedTotal: CatalogueMetric<'notifications_deduplicated_total'>,
    @Inject(NOTIFICATION_VOCABULARY) vocabulary: NotificationVocabulary,
    guard: CardinalityGuard,
  ) {
    guard.bound(notificationsTotal);
    guard.bound(notificationDeliveryDuration);
    // Every declared channel and severity exists at zero, so a failure ratio has a denominator at once.
    for (const channel of vocabulary.channels) {
      notificationDeliveryDuration.zero({ channel });
      for (const severity of vocabulary.severities) {
        for (const result of NOTIFICATION_RESULTS) notificationsTotal.inc({ channel, severity, result }, 0);
      }
    }
    notificationsDeduplicatedTotal.inc(0);
  }
}
