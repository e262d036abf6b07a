import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AlertGroup, AlertSource, AlertStatus, Severity } from '../../alerts/domain/alert-group';

// One alert group as received, kept whole: notifications are rendered from it at delivery time.
@Entity('notifier_alert_batches')
export class AlertBatch {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  source!: AlertSource;

  @Column({ type: 'text' })
  receiver!: string;

  @Column({ type: 'text', name: 'group_key' })
  groupKey!: string;

  @Column({ type: 'text' })
  status!: AlertStatus;

  @Column({ type: 'text' })
  severity!: Severity;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'integer', name: 'alert_count' })
  alertCount!: number;

  @Column({ type: 'text', name: 'dedupe_key' })
  dedupeKey!: string;

  // A repeat of a group accepted within the dedupe window: its notifications were suppressed.
  @Column({ type: 'boolean' })
  duplicate!: boolean;

  @Column({ type: 'jsonb' })
  payload!: AlertGroup;

  @CreateDateColumn({ type: 'timestamptz', name: 'received_at' })
  receivedAt!: Date;
}
