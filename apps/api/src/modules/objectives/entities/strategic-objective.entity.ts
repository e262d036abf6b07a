import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const OBJECTIVE_TYPES = ['mission', 'vision', 'strategic_goal', 'value'] as const;
export type ObjectiveType = (typeof OBJECTIVE_TYPES)[number];
export const OBJECTIVE_STATUSES = ['active', 'completed', 'cancelled', 'archived'] as const;
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];

@Entity('strategic_objectives')
export class StrategicObjective {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'varchar' }) organizationId!: string;
  @Column({ type: 'varchar' }) name!: string;
  @Column({ name: 'objective_type', type: 'varchar' }) type!: ObjectiveType;
  @Column({ type: 'text' }) content!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId!: string | null;
  @Column({ type: 'smallint' }) priority!: number;
  @Column({ type: 'varchar' }) status!: ObjectiveStatus;
  @Column({ name: 'start_date', type: 'date', nullable: true }) startDate!: string | null;
  @Column({ name: 'target_date', type: 'date', nullable: true }) targetDate!: string | null;
  @Column({ name: 'completion_date', type: 'date', nullable: true }) completionDate!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 }) updatedAt!: Date;
}
