import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { AttemptResult } from '../domain/notification-state';
import { Notification } from './notification.entity';

@Entity('notifier_delivery_attempts')
export class DeliveryAttempt {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column({ type: 'uuid', name: 'notification_id' })
  notificationId!: string;

  @ManyToOne(() => Notification, (notification) => notification.attemptLog, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notification_id' })
  notification?: Notification;

  @Column({ type: 'integer' })
  attempt!: number;

  @Column({ type: 'timestamptz', name: 'started_at' })
  startedAt!: Date;

  @Column({ type: 'integer', name: 'duration_ms' })
  durationMs!: number;

  @Column({ type: 'text' })
  result!: AttemptResult;

  @Column({ type: 'text', nullable: true })
  error!: string | null;
}
