import { Module } from '@nestjs/common';
import { NotificationHistoryRepository } from './notification-history.repository';
import { NotificationsController } from './notifications.controller';
import { ListNotifications } from './use-cases/list-notifications.use-case';

@Module({
  controllers: [NotificationsController],
  providers: [ListNotifications, NotificationHistoryRepository],
})
export class NotificationsModule {}
