import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Okr } from './okr.entity';

export const KEY_RESULT_TYPES = ['metric', 'milestone', 'deliverable'] as const;
export type KeyResultType = (typeof KEY_RESULT_TYPES)[number];
export const KEY_RESULT_STATUSES = ['not_started', 'in_progress', 'at_risk', 'completed', 'failed'] as const;
export type KeyResultStatus = (typeof KEY_RESULT_STATUSES)[number];

@Entity('key_results')
export class KeyResult {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'varchar' }) organizationId!: string;
  @Column({ name: 'okr_id', type: 'uuid' }) okrId!: string;
  @ManyToOne(() => Okr, (okr) => okr.keyResults, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'okr_id' })
  okr?: Okr;
  @Column({ type: 'text' }) statement!: string;
  @Column({ name: 'kr_type', type: 'varchar' }) type!: KeyResultType;
  @Column({ name: 'baseline_value', type: 'double precision' }) baselineValue!: number;
  @Column({ name: 'target_value', type: 'double precision' }) targetValue!: number;
  @Column({ name: 'current_value', type: 'double precision' }) currentValue!: number;
  @Column({ type: 'varchar' }) unit!: string;
  @Column({ type: 'double precision' }) weight!: number;
  @Column({ type: 'varchar' }) owner!: string;
  @Column({ name: 'due_date', type: 'date', nullable: true }) dueDate!: string | null;
  @Column({ type: 'varchar' }) status!: KeyResultStatus;
  @Column({ type: 'double precision' }) progress!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 }) updatedAt!: Date;
}
