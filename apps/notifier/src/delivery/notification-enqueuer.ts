import { Inject, Injectable, Logger } from '@nestjs/common';
import { DependencyOutages } from '@qbm/observability';
import { JobProducer, type EnqueueOptions } from '@qbm/queues';
import { DELIVERY_SETTINGS } from '../config/notifier.tokens';
import type { DeliverySettings } from '../config/notifier.config';

// Adds deliver-notification jobs for outbox rows. Best effort by design: the rows are already
// committed, so a Redis outage here delays delivery (the recovery sweep enqueues them later)
// but loses nothing, and intake still answers 200.
@Injectable()
export class NotificationEnqueuer {
  private readonly logger = new Logger(NotificationEnqueuer.name);
  private readonly options: EnqueueOptions;

  constructor(
    private readonly producer: JobProducer,
    private readonly outages: DependencyOutages,
    @Inject(DELIVERY_SETTINGS) settings: DeliverySettings,
  ) {
    this.options = {
      ...(settings.attempts === undefined ? {} : { attempts: settings.attempts }),
      ...(settings.retryDelayMs === undefined
        ? {}
        : { backoff: { type: 'exponential', delay: settings.retryDelayMs, jitter: 0.5 } }),
    };
  }

  // Returns how many were handed to the queue.
  async enqueue(notificationIds: readonly string[]): Promise<number> {
    const startedAt = Date.now();
    const results = await Promise.allSettled(
      notificationIds.map((notificationId) =>
        this.producer.enqueue('deliver-notification', { notificationId }, this.options),
      ),
    );
    const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) {
      this.outages.failed('queue', 'unreachable', failed.reason);
      this.logger.debug(`enqueue failed for ${results.filter((r) => r.status === 'rejected').length} notification(s)`);
    } else if (notificationIds.length > 0) {
      this.outages.succeeded('queue', startedAt);
    }
    return results.filter((result) => result.status === 'fulfilled').length;
  }
}
