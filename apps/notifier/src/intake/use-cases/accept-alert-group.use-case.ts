import { Inject, Injectable, Logger } from '@nestjs/common';
import { databaseFailureReason, dependencyUnavailable } from '@qbm/http';
import { DependencyOutages, NotificationMetrics } from '@qbm/observability';
import type { AlertGroup } from '../../alerts/domain/alert-group';
import { dedupeKey } from '../../alerts/domain/dedupe-key';
import { groupSeverity, groupTitle } from '../../alerts/domain/group-severity';
import { routeGroup } from '../../alerts/domain/route-group';
import type { DeliverySettings } from '../../config/notifier.config';
import { DELIVERY_SETTINGS, ROUTING_CONFIG } from '../../config/notifier.tokens';
import type { Destination, RoutingConfig } from '../../config/routing/routing-config';
import { NotificationEnqueuer } from '../../delivery/notification-enqueuer';
import { OutboxRepository, type StoredGroup } from '../../notifications/outbox.repository';

// How long Alertmanager (or a client) should wait before re-sending while the database is down.
const DATABASE_RETRY_AFTER_SECONDS = 5;

// The one path for every alert group, from the webhook or the alerts queue: route it, store it
// with its notifications in one transaction (the outbox), then enqueue their delivery. Storing is
// what the caller's 200 promises; delivery happens afterwards, retried until it succeeds.
@Injectable()
export class AcceptAlertGroup {
  private readonly logger = new Logger(AcceptAlertGroup.name);

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly enqueuer: NotificationEnqueuer,
    private readonly metrics: NotificationMetrics,
    private readonly outages: DependencyOutages,
    @Inject(ROUTING_CONFIG) private readonly routing: RoutingConfig,
    @Inject(DELIVERY_SETTINGS) private readonly settings: DeliverySettings,
  ) {}

  async execute(group: AlertGroup): Promise<StoredGroup> {
    const destinations = routeGroup(group, this.routing).map((id) => this.routing.destinations.get(id) as Destination);
    const title = groupTitle(group);
    if (destinations.length === 0) {
      this.logger.warn({ groupKey: group.groupKey, title }, 'alert group matches no enabled destination; stored only');
    }
    const stored = await this.store(group, destinations, title);
    if (stored.duplicate) {
      this.metrics.notificationsDeduplicatedTotal.inc(stored.notifications.length);
      return stored;
    }
    await this.enqueuer.enqueue(stored.notifications.map((notification) => notification.id));
    return stored;
  }

  private async store(group: AlertGroup, destinations: Destination[], title: string): Promise<StoredGroup> {
    const startedAt = Date.now();
    try {
      const stored = await this.outbox.storeGroup({
        group,
        severity: groupSeverity(group),
        title,
        dedupeKey: dedupeKey(group),
        dedupeTtlSeconds: this.settings.dedupeTtlSeconds,
        destinations,
      });
      this.outages.succeeded('database', startedAt);
      return stored;
    } catch (error) {
      const reason = databaseFailureReason(error);
      if (reason === undefined) throw error;
      this.outages.failed('database', reason, error);
      throw dependencyUnavailable('database', DATABASE_RETRY_AFTER_SECONDS);
    }
  }
}
