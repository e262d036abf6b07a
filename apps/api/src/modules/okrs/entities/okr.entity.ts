import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { KeyResult } from './key-result.entity';

export const OKR_PERIOD_TYPES = ['quarterly', 'annual', 'custom'] as const;
export type OkrPeriodType = (typeof OKR_PERIOD_TYPES)[number];
export const OKR_STATUSES = ['draft', 'active', 'completed', 'failed', 'cancelled'] as const;
export type OkrStatus = (typeof OKR_STATUSES)[number];

@Entity('okrs')
export class Okr {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'varchar' }) organizationId!: string;
  @Column({ type: 'varchar' }) code!: string;
  @Column({ type: 'text' }) objective!: string;
  @Column({ name: 'strategic_objective_id', type: 'uuid', nullable: true }) strategicObjectiveId!: string | null;
  @Column({ name: 'parent_okr_id', type: 'uuid', nullable: true }) parentOkrId!: string | null;
  @Column({ name: 'period_type', type: 'varchar' }) periodType!: OkrPeriodType;
  @Column({ name: 'period_start', type: 'date' }) periodStart!: string;
  @Column({ name: 'period_end', type: 'date' }) periodEnd!: string;
  @Column({ type: 'varchar' }) owner!: string;
  @Column({ type: 'varchar' }) status!: OkrStatus;
  @Column({ type: 'double precision' }) progress!: number;
  @Column({ name: 'final_score', type: 'double precision', nullable: true }) finalScore!: number | null;
  @Column({ name: 'closed_at', type: 'timestamptz', precision: 3, nullable: true }) closedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 }) updatedAt!: Date;
  @OneToMany(() => KeyResult, (keyResult) => keyResult.okr) keyResults?: KeyResult[];
}
