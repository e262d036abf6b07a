import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('metric_values')
export class MetricValue {
  @PrimaryColumn({ name: 'metric_id', type: 'uuid' }) metricId!: string;
  @PrimaryColumn({ name: 'measured_on', type: 'date' }) measuredOn!: string;
  @Column({ name: 'organization_id', type: 'varchar' }) organizationId!: string;
  @Column({ type: 'double precision' }) value!: number;
  @Column({ name: 'recorded_at', type: 'timestamptz', precision: 3 }) recordedAt!: Date;
}
