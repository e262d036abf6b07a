import { EnumField, FormattedStringField, IntField, StringField } from '@qbm/http';
import { IsDateString } from 'class-validator';
import { ALERT_STATUSES, type AlertStatus, SEVERITIES, type Severity } from '../../alerts/domain/alert-group';
import { CHANNELS, type Channel } from '../../config/routing/routing-config';
import { NOTIFICATION_STATES, type NotificationState } from '../domain/notification-state';

export class ListNotificationsRequestDto {
  @EnumField(NOTIFICATION_STATES, { presence: 'omittable', description: '`dead`: the dead letters' })
  state?: NotificationState;

  @EnumField(CHANNELS, { presence: 'omittable' })
  channel?: Channel;

  @EnumField(SEVERITIES, { presence: 'omittable' })
  severity?: Severity;

  @EnumField(ALERT_STATUSES, { presence: 'omittable' })
  status?: AlertStatus;

  @StringField({
    presence: 'omittable',
    maxLength: 63,
    pattern: {
      regex: /^[a-z0-9][a-z0-9_-]{0,62}$/,
      message: '$property must be a destination id from the routing file',
    },
    description: 'Destination id from the routing file',
  })
  destination?: string;

  @StringField({ presence: 'omittable', maxLength: 200, description: "The group's alert name, exactly" })
  alertname?: string;

  @FormattedStringField('date-time', IsDateString(), { presence: 'omittable', description: 'Created at or after' })
  since?: string;

  @FormattedStringField('date-time', IsDateString(), { presence: 'omittable', description: 'Created before' })
  until?: string;

  @IntField({ presence: 'omittable', query: true, minimum: 1, maximum: 100, default: 20 })
  size?: number;

  @StringField({
    presence: 'omittable',
    maxLength: 200,
    description: 'Opaque cursor from meta.nextCursor (newest first)',
  })
  cursor?: string;
}
