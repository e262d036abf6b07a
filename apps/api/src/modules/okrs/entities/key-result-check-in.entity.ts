import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('key_result_check_ins')
export class KeyResultCheckIn {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'varchar' }) organizationId!: string;
  @Column({ name: 'key_result_id', type: 'uuid' }) keyResultId!: string;
  @Column({ type: 'double precision' }) value!: number;
  @Column({ type: 'double precision' }) confidence!: number;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ type: 'varchar' }) author!: string;
  @Column({ name: 'checked_in_at', type: 'timestamptz', precision: 3 }) checkedInAt!: Date;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 }) createdAt!: Date;
}
