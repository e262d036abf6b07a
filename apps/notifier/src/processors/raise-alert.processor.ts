import { Injectable, type OnModuleInit } from '@nestjs/common';
import { raiseAlertJob } from '@qbm/contracts';
import { JobWorkers } from '@qbm/queues';
import { alertGroupFromRaiseAlert } from '../alerts/internal/raise-alert.mapper';
import type { Channel } from '../config/routing/routing-config';
import { AcceptAlertGroup } from '../intake/use-cases/accept-alert-group.use-case';

// Internal alerts take the webhook's path: routed, stored in the outbox, delivered by jobs. A
// database outage fails the job, and BullMQ retries it with the contract's backoff.
@Injectable()
export class RaiseAlertProcessor implements OnModuleInit {
  constructor(
    private readonly workers: JobWorkers,
    private readonly accept: AcceptAlertGroup,
  ) {}

  onModuleInit(): void {
    this.workers.process(
      raiseAlertJob,
      async (alert) => {
        const stored = await this.accept.execute(alertGroupFromRaiseAlert(alert));
        // The channels it was handed to; delivery itself is the deliver-notification jobs' result.
        const channels = new Set<Channel>();
        for (const notification of stored.notifications) {
          if (notification.state === 'pending') channels.add(notification.channel);
        }
        return { deliveredTo: [...channels] };
      },
      { concurrency: 2 },
    );
  }
}
