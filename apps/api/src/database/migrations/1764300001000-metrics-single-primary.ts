import { MigrationInterface, QueryRunner } from 'typeorm';

// WARNING: applied migrations are immutable. Change the schema with a new migration, never by editing this one.
// At most one primary north-star metric per organisation; the API demotes the previous one in the same transaction.
export class MetricsSinglePrimary1764300001000 implements MigrationInterface {
  name = 'MetricsSinglePrimary1764300001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNIQUE INDEX uq_metrics_primary ON north_star_metrics (organization_id) WHERE is_primary`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS uq_metrics_primary`);
  }
}
