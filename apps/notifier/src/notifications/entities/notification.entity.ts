import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { AlertStatus, Severity } from '../../alerts/domain/alert-group';
import type { Channel } from '../../config/routing/routing-config';
import type { NotificationState } from '../domain/notification-state';
import { AlertBatch } from './alert-batch.entity';
import { DeliveryAttempt } from './delivery-attempt.entity';

// One message of one group to one destination: the outbox row a deliver-notification job names.
@Entity('notifier_notifications')
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'batch_id' })
  batchId!: string;

  @ManyToOne(() => AlertBatch, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'batch_id' })
  batch?: AlertBatch;

  @Column({ type: 'text' })
  destination!: string;

  @Column({ type: 'text' })
  channel!: Channel;

  @Column({ type: 'text' })
  severity!: Severity;

  @Column({ type: 'text' })
  status!: AlertStatus;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  state!: NotificationState;

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ type: 'text', name: 'last_error', nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', name: 'delivered_at', nullable: true })
  deliveredAt!: Date | null;

  @OneToMany(() => DeliveryAttempt, (attempt) => attempt.notification)
  attemptLog?: DeliveryAttempt[];
}
