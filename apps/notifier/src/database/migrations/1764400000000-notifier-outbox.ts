import type { MigrationInterface, QueryRunner } from 'typeorm';

// WARNING: applied migrations are immutable. Change the schema with a new migration, never by editing this one.
// The notifier's outbox: every alert group received (batch), one notification per destination it
// was routed to, each delivery attempt, and the dedupe keys of groups accepted recently.
export class NotifierOutbox1764400000000 implements MigrationInterface {
  name = 'NotifierOutbox1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifier_alert_batches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source text NOT NULL CHECK (source IN ('alertmanager', 'internal')),
        receiver text NOT NULL,
        group_key text NOT NULL,
        status text NOT NULL CHECK (status IN ('firing', 'resolved')),
        severity text NOT NULL,
        title text NOT NULL,
        alert_count integer NOT NULL,
        dedupe_key text NOT NULL,
        duplicate boolean NOT NULL,
        payload jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE notifier_notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        batch_id uuid NOT NULL REFERENCES notifier_alert_batches (id) ON DELETE CASCADE,
        destination text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('email', 'slack')),
        severity text NOT NULL,
        status text NOT NULL CHECK (status IN ('firing', 'resolved')),
        title text NOT NULL,
        state text NOT NULL CHECK (state IN ('pending', 'delivered', 'suppressed', 'dead')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz
      )`);
    // The history lists newest first by (created_at, id); recovery scans what is still pending.
    await q.query(
      `CREATE INDEX ix_notifier_notifications_created ON notifier_notifications (created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX ix_notifier_notifications_pending ON notifier_notifications (created_at) WHERE state = 'pending'`,
    );
    await q.query(`CREATE INDEX ix_notifier_notifications_batch ON notifier_notifications (batch_id)`);
    await q.query(`
      CREATE TABLE notifier_delivery_attempts (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        notification_id uuid NOT NULL REFERENCES notifier_notifications (id) ON DELETE CASCADE,
        attempt integer NOT NULL,
        started_at timestamptz NOT NULL,
        duration_ms integer NOT NULL,
        result text NOT NULL CHECK (result IN ('delivered', 'failed', 'rate_limited')),
        error text
      )`);
    await q.query(`CREATE INDEX ix_notifier_attempts_notification ON notifier_delivery_attempts (notification_id, id)`);
    await q.query(`
      CREATE TABLE notifier_dedupe_keys (
        dedupe_key text PRIMARY KEY,
        batch_id uuid NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS notifier_dedupe_keys`);
    await q.query(`DROP TABLE IF EXISTS notifier_delivery_attempts`);
    await q.query(`DROP TABLE IF EXISTS notifier_notifications`);
    await q.query(`DROP TABLE IF EXISTS notifier_alert_batches`);
  }
}
