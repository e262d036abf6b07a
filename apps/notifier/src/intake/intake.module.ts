import { Module } from '@nestjs/common';
import { OutboxModule } from '../notifications/outbox.module';
import { RaiseAlertProcessor } from '../processors/raise-alert.processor';
import { AlertmanagerWebhookController } from './alertmanager-webhook.controller';
import { AcceptAlertGroup } from './use-cases/accept-alert-group.use-case';
import { WebhookTokenGuard } from './webhook-token.guard';

// Where alert groups come in: Alertmanager's webhook and the internal `alerts` queue.
@Module({
  imports: [OutboxModule],
  controllers: [AlertmanagerWebhookController],
  providers: [AcceptAlertGroup, WebhookTokenGuard, RaiseAlertProcessor],
})
export class IntakeModule {}
