import { Module } from '@nestjs/common';
import { ChannelSenders } from '../channels/channel-senders';
import { EmailChannel } from '../channels/email/email.channel';
import { SlackChannel } from '../channels/slack/slack.channel';
import { NotifierConfig } from '../config/notifier.config';
import { OutboxModule } from '../notifications/outbox.module';
import { DeliverNotificationProcessor } from '../processors/deliver-notification.processor';
import { OutboxRecovery } from './outbox-recovery.service';
import { SendPacer } from './send-pacer';
import { DeliverNotification } from './use-cases/deliver-notification.use-case';

// Where notifications go out: the deliver-notification worker, the channels, per-destination
// pacing, and the sweep that re-enqueues outbox rows whose job was lost.
@Module({
  imports: [OutboxModule],
  providers: [
    {
      provide: EmailChannel,
      inject: [NotifierConfig],
      useFactory: (config: NotifierConfig) => new EmailChannel(config.smtp, config.delivery.sendTimeoutMs),
    },
    {
      provide: SlackChannel,
      inject: [NotifierConfig],
      useFactory: (config: NotifierConfig) => new SlackChannel(config.delivery.sendTimeoutMs),
    },
    ChannelSenders,
    SendPacer,
    DeliverNotification,
    DeliverNotificationProcessor,
    OutboxRecovery,
  ],
})
export class DeliveryModule {}
