import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { DeliverySettings } from '../config/notifier.config';
import { DELIVERY_SETTINGS } from '../config/notifier.tokens';
import { OutboxRepository } from '../notifications/outbox.repository';
import { NotificationEnqueuer } from './notification-enqueuer';

// Rows enqueued less than this long ago are left alone by the periodic sweep: their job is
// almost certainly on its way. At boot every pending row is enqueued again.
const SETTLE_MS = 30_000;
const BATCH = 1_000;

// The outbox's safety net. A pending row whose job was never added (a crash between commit and
// enqueue, Redis away during intake) is enqueued again; the job id is the row id, so a row whose
// job still exists adds nothing. Expired dedupe keys are dropped on the same tick.
@Injectable()
export class OutboxRecovery implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRecovery.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly enqueuer: NotificationEnqueuer,
    @Inject(DELIVERY_SETTINGS) private readonly settings: DeliverySettings,
  ) {}

  onApplicationBootstrap(): void {
    this.tick(0);
    this.timer = setInterval(() => this.tick(SETTLE_MS), this.settings.recoveryIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  // Resolves when the current sweep (if any) is done; for tests and shutdown.
  settled(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  private tick(olderThanMs: number): void {
    if (this.running) return;
    this.running = this.sweep(olderThanMs)
      .catch((error: unknown) => this.logger.warn(`outbox sweep failed: ${(error as Error).message}`))
      .finally(() => (this.running = undefined));
  }

  private async sweep(olderThanMs: number): Promise<void> {
    const ids = await this.outbox.pendingIds(olderThanMs, BATCH);
    const enqueued = ids.length > 0 ? await this.enqueuer.enqueue(ids) : 0;
    const line = `outbox sweep: ${ids.length} pending notification(s) handed to the queue again (${enqueued} accepted)`;
    if (ids.length > 0 && olderThanMs === 0) this.logger.log(line);
    else if (ids.length > 0) this.logger.debug(line);
    await this.outbox.deleteExpiredDedupeKeys();
  }
}
