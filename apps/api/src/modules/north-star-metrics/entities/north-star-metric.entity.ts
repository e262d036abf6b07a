import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const METRIC_TYPES = ['revenue', 'growth', 'engagement', 'retention', 'custom'] as const;
export type MetricType = (typeof METRIC_TYPES)[number];
export const METRIC_DIRECTIONS = ['increase', 'decrease', 'maintain'] as const;
export type MetricDirection = (typeof METRIC_DIRECTIONS)[number];
export const MEASUREMENT_FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly', 'yearly'] as const;
export type MeasurementFrequency = (typeof MEASUREMENT_FREQUENCIES)[number];
export const METRIC_STATUSES = ['active', 'paused', 'archived'] as const;
export type MetricStatus = (typeof METRIC_STATUSES)[number];
export const HEALTH_BANDS = ['excellent', 'good', 'fair', 'poor'] as const;
export type HealthBand = (typeof HEALTH_BANDS)[number];

@Entity('north_star_metrics')
export class NorthStarMetric {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'varchar' }) organizationId!: string;
  @Column({ type: 'varchar' }) code!: string;
  @Column({ type: 'varchar' }) name!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ name: 'objective_id', type: 'uuid', nullable: true }) objectiveId!: string | null;
  @Column({ name: 'metric_type', type: 'varchar' }) type!: MetricType;
  @Column({ type: 'varchar' }) unit!: string;
  @Column({ type: 'varchar' }) direction!: MetricDirection;
  @Column({ name: 'baseline_value', type: 'double precision' }) baselineValue!: number;
  @Column({ name: 'target_value', type: 'double precision' }) targetValue!: number;
  @Column({ name: 'current_value', type: 'double precision', nullable: true }) currentValue!: number | null;
  @Column({ name: 'measurement_frequency', type: 'varchar' }) frequency!: MeasurementFrequency;
  @Column({ name: 'is_primary', type: 'boolean' }) isPrimary!: boolean;
  @Column({ type: 'varchar' }) status!: MetricStatus;
  @Column({ name: 'health_score', type: 'double precision', nullable: true }) healthScore!: number | null;
  @Column({ name: 'health_band', type: 'varchar', nullable: true }) healthBand!: HealthBand | null;
  @Column({ name: 'last_updated', type: 'timestamptz', precision: 3, nullable: true }) lastUpdated!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 }) updatedAt!: Date;
}
