import { ApiProperty } from '@nestjs/swagger';

export class AcceptedAlertsResponseDto {
  @ApiProperty({ enum: ['accepted'] })
  status!: 'accepted';

  @ApiProperty({
    format: 'uuid',
    description: 'The stored batch; its notifications are listed by GET /api/v1/notifications',
  })
  batchId!: string;

  @ApiProperty({ description: 'A repeat of a group accepted within the dedupe window: nothing will be sent' })
  duplicate!: boolean;

  @ApiProperty({ description: 'Messages queued for delivery (one per destination the group was routed to)' })
  notifications!: number;
}
