import { MigrationInterface, QueryRunner } from 'typeorm';

// WARNING: applied migrations are immutable. Change the schema with a new migration, never by editing this one.
// When the firing "overdue" alert was raised for a requirement (its startsAt), so that it is raised
// once and resolved once; NULL when none is open. The partial index serves the monitor's scan.
export class RequirementOverdueAlert1764300005000 implements MigrationInterface {
  name = 'RequirementOverdueAlert1764300005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE decision_requirements ADD COLUMN overdue_alert_started_at timestamptz(3)`);
    await q.query(
      `CREATE INDEX ix_requirements_open_deadline ON decision_requirements (required_by)
       WHERE status IN ('draft', 'submitted') AND required_by IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ix_requirements_open_deadline`);
    await q.query(`ALTER TABLE decision_requirements DROP COLUMN IF EXISTS overdue_alert_started_at`);
  }
}
