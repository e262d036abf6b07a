import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const REQUIREMENT_TYPES = ['strategic', 'tactical', 'operational', 'emergency'] as const;
export type RequirementType = (typeof REQUIREMENT_TYPES)[number];
export const REQUIREMENT_STATUSES = ['draft', 'submitted', 'approved', 'rejected', 'cancelled'] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];

@Entity('decision_requirements')
export class DecisionRequirement {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'varchar' }) organizationId!: string;
  @Column({ type: 'varchar' }) code!: string;
  @Column({ type: 'varchar' }) title!: string;
  @Column({ type: 'text' }) description!: string;
  @Column({ name: 'requirement_type', type: 'varchar' }) type!: RequirementType;
  @Column({ type: 'varchar' }) category!: string;
  @Column({ name: 'objective_id', type: 'uuid', nullable: true }) objectiveId!: string | null;
  @Column({ type: 'varchar' }) requester!: string;
  @Column({ name: 'required_by', type: 'date', nullable: true }) requiredBy!: string | null;
  @Column({ type: 'smallint' }) priority!: number;
  @Column({ type: 'varchar' }) status!: RequirementStatus;
  @Column({ type: 'varchar', nullable: true }) approver!: string | null;
  @Column({ name: 'decision_reason', type: 'text', nullable: true }) decisionReason!: string | null;
  @Column({ name: 'submitted_at', type: 'timestamptz', precision: 3, nullable: true }) submittedAt!: Date | null;
  @Column({ name: 'decided_at', type: 'timestamptz', precision: 3, nullable: true }) decidedAt!: Date | null;
  @Column({ name: 'cancelled_at', type: 'timestamptz', precision: 3, nullable: true }) cancelledAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 }) updatedAt!: Date;
}
