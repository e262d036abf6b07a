import { Column, Entity, PrimaryColumn } from 'typeorm';

// The counter row behind human-readable codes; CodeSequencesRepository bumps it with one upsert.
@Entity('code_sequences')
export class CodeSequence {
  @PrimaryColumn({ name: 'organization_id', type: 'varchar', length: 63 })
  organizationId!: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  scope!: string;

  @Column({ name: 'last_value', type: 'integer' })
  lastValue!: number;
}
