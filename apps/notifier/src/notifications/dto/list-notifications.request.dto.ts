import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ALERT_STATUSES, type AlertStatus, SEVERITIES, type Severity } from '../../alerts/domain/alert-group';
import { CHANNELS, type Channel } from '../../config/routing/routing-config';
import { NOTIFICATION_STATES, type NotificationState } from '../domain/notification-state';

export class ListNotificationsRequestDto {
  @ApiPropertyOptional({ enum: NOTIFICATION_STATES, description: '`dead`: the dead letters' })
  @IsOptional()
  @IsIn(NOTIFICATION_STATES)
  state?: NotificationState;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;

  @ApiPropertyOptional({ enum: SEVERITIES })
  @IsOptional()
  @IsIn(SEVERITIES)
  severity?: Severity;

  @ApiPropertyOptional({ enum: ALERT_STATUSES })
  @IsOptional()
  @IsIn(ALERT_STATUSES)
  status?: AlertStatus;

  @ApiPropertyOptional({ description: 'Destination id from the routing file' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9_-]{0,62}$/)
  destination?: string;

  @ApiPropertyOptional({ description: "The group's alert name, exactly" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  alertname?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Created at or after' })
  @IsOptional()
  @IsDateString()
  since?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Created before' })
  @IsOptional()
  @IsDateString()
  until?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  size?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from meta.nextCursor (newest first)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}
