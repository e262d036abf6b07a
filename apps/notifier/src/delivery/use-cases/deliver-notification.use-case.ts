import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import type { DeliverNotificationResult } from '@qbm/contracts';
import { NotificationMetrics } from '@qbm/observability';
import type { QueueJob } from '@qbm/queues';
import { DelayedError, UnrecoverableError } from 'bullmq';
import { DeliveryError } from '../../channels/channel-error';
import { ChannelSenders } from '../../channels/channel-senders';
import { buildMessage } from '../../channels/message/notification-message.builder';
import type { DeliverySettings } from '../../config/notifier.config';
import { DELIVERY_SETTINGS, ROUTING_CONFIG } from '../../config/notifier.tokens';
import type { RoutingConfig } from '../../config/routing/routing-config';
import { OutboxRepository } from '../../notifications/outbox.repository';
import { SendPacer } from '../send-pacer';

// One delivery attempt of one outbox row: wait for the destination's send slot, render, send,
// and record the attempt with the state it leads to. Retries are BullMQ's (backoff with jitter);
// the last failed attempt, or a permanent failure, leaves the row dead (a dead letter).
@Injectable()
export class DeliverNotification {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly senders: ChannelSenders,
    private readonly pacer: SendPacer,
    private readonly metrics: NotificationMetrics,
    @Inject(ROUTING_CONFIG) private readonly routing: RoutingConfig,
    @Inject(DELIVERY_SETTINGS) private readonly settings: DeliverySettings,
  ) {}

  async execute(notificationId: string, job: QueueJob): Promise<DeliverNotificationResult> {
    const notification = await this.outbox.findForDelivery(notificationId);
    // Gone, or settled already: a job replayed after a crash or enqueued twice by recovery.
    if (notification?.state !== 'pending') return { outcome: 'skipped' };
    const attempt = notification.attempts + 1;
    const destination = this.routing.destinations.get(notification.destination);
    if (!destination) {
      const error = `NOTIFICATION.DESTINATION_UNKNOWN: "${notification.destination}" is not an enabled destination`;
      await this.outbox.recordAttempt(notificationId, failedAttempt(attempt, new Date(), 0, error, 'dead'));
      throw new UnrecoverableError(error);
    }

    const slot = await this.pacer.acquire(destination, notificationId);
    if (!slot.sendNow) await defer(job, slot.waitMs);
    if (slot.waitMs > 0) await sleep(slot.waitMs);

    const message = buildMessage(notification.payload, {
      maxAlerts: this.routing.maxAlertsPerMessage,
      linkBaseUrl: this.settings.linkBaseUrl,
    });
    const startedAt = new Date();
    const stopTimer = this.metrics.notificationDeliveryDuration.startTimer({ channel: destination.channel });
    const labels = { channel: destination.channel, severity: notification.severity };
    try {
      await this.senders.send(message, destination);
    } catch (caught) {
      const failure = caught instanceof DeliveryError ? caught : new DeliveryError('transient', String(caught));
      const durationMs = Date.now() - startedAt.getTime();
      if (failure.kind === 'rate_limited') {
        const waitMs = failure.retryAfterMs ?? 1_000;
        await this.pacer.block(destination, waitMs);
        await this.outbox.recordAttempt(notificationId, {
          attempt,
          startedAt,
          durationMs,
          result: 'rate_limited',
          error: failure.message,
          state: 'pending',
        });
        await defer(job, waitMs);
      }
      stopTimer();
      this.metrics.notificationsTotal.inc({ ...labels, result: 'failed' });
      const last = failure.kind === 'permanent' || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await this.outbox.recordAttempt(
        notificationId,
        failedAttempt(attempt, startedAt, durationMs, failure.message, last ? 'dead' : 'pending'),
      );
      throw failure.kind === 'permanent' ? new UnrecoverableError(failure.message) : failure;
    }
    stopTimer();
    this.metrics.notificationsTotal.inc({ ...labels, result: 'delivered' });
    await this.outbox.recordAttempt(notificationId, {
      attempt,
      startedAt,
      durationMs: Date.now() - startedAt.getTime(),
      result: 'delivered',
      state: 'delivered',
    });
    return { outcome: 'delivered' };
  }
}

function failedAttempt(attempt: number, startedAt: Date, durationMs: number, error: string, state: 'pending' | 'dead') {
  return { attempt, startedAt, durationMs, result: 'failed' as const, error, state };
}

// Back to the delayed set without using up an attempt; BullMQ's DelayedError tells the worker so.
async function defer(job: QueueJob, ms: number): Promise<never> {
  await job.moveToDelayed(Date.now() + ms, job.token);
  throw new DelayedError();
}
