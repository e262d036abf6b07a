import { Module } from '@nestjs/common';
import { NotificationEnqueuer } from '../delivery/notification-enqueuer';
import { OutboxRepository } from './outbox.repository';

// The outbox and the one way jobs are added for it, shared by intake, delivery and recovery.
@Module({
  providers: [OutboxRepository, NotificationEnqueuer],
  exports: [OutboxRepository, NotificationEnqueuer],
})
export class OutboxModule {}
