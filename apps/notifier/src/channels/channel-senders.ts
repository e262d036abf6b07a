import { Injectable } from '@nestjs/common';
import type { Destination } from '../config/routing/routing-config';
import { EmailChannel } from './email/email.channel';
import type { NotificationMessage } from './message/notification-message';
import { SlackChannel } from './slack/slack.channel';

// Hands a rendered message to the channel of its destination.
@Injectable()
export class ChannelSenders {
  constructor(
    private readonly email: EmailChannel,
    private readonly slack: SlackChannel,
  ) {}

  send(message: NotificationMessage, destination: Destination): Promise<void> {
    switch (destination.channel) {
      case 'email':
        return this.email.send(message, destination);
      case 'slack':
        return this.slack.send(message, destination);
    }
  }
}
