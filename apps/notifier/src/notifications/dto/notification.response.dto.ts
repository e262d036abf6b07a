import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ALERT_SOURCES, ALERT_STATUSES, SEVERITIES } from '../../alerts/domain/alert-group';
import { CHANNELS } from '../../config/routing/routing-config';
import { ATTEMPT_RESULTS, NOTIFICATION_STATES } from '../domain/notification-state';

export class DeliveryAttemptResponseDto {
  @ApiProperty() attempt!: number;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty() durationMs!: number;
  @ApiProperty({ enum: ATTEMPT_RESULTS }) result!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) error!: string | null;
}

export class NotificationResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) batchId!: string;
  @ApiProperty({ enum: ALERT_SOURCES }) source!: string;
  @ApiProperty() receiver!: string;
  @ApiProperty() groupKey!: string;
  @ApiProperty({ description: "The group's alert name" }) title!: string;
  @ApiProperty({ enum: ALERT_STATUSES }) status!: string;
  @ApiProperty({ enum: SEVERITIES }) severity!: string;
  @ApiProperty({ description: 'Alerts in the group (including any Alertmanager truncated)' }) alertCount!: number;
  @ApiProperty({ enum: CHANNELS }) channel!: string;
  @ApiProperty() destination!: string;
  @ApiProperty({ enum: NOTIFICATION_STATES }) state!: string;
  @ApiProperty({ description: 'Attempts that reached the channel (rate-limited waits excluded)' }) attempts!: number;
  @ApiPropertyOptional({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) deliveredAt!: string | null;
  @ApiProperty({ type: [DeliveryAttemptResponseDto] }) attemptLog!: DeliveryAttemptResponseDto[];
}

export class NotificationPageMetaDto {
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Pass as `cursor` for the next page' })
  nextCursor!: string | null;
}

export class NotificationPageResponseDto {
  @ApiProperty({ type: [NotificationResponseDto] }) data!: NotificationResponseDto[];
  @ApiProperty({ type: NotificationPageMetaDto }) meta!: NotificationPageMetaDto;
}
