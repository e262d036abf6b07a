import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { deliverNotificationJob } from '@qbm/contracts';
import { JobWorkers } from '@qbm/queues';
import type { DeliverySettings } from '../config/notifier.config';
import { DELIVERY_SETTINGS } from '../config/notifier.tokens';
import { DeliverNotification } from '../delivery/use-cases/deliver-notification.use-case';

@Injectable()
export class DeliverNotificationProcessor implements OnModuleInit {
  constructor(
    private readonly workers: JobWorkers,
    private readonly deliver: DeliverNotification,
    @Inject(DELIVERY_SETTINGS) private readonly settings: DeliverySettings,
  ) {}

  onModuleInit(): void {
    this.workers.process(deliverNotificationJob, (payload, job) => this.deliver.execute(payload.notificationId, job), {
      concurrency: this.settings.concurrency,
    });
  }
}
