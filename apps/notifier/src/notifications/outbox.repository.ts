import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AlertGroup, Severity } from '../alerts/domain/alert-group';
import type { Channel, Destination } from '../config/routing/routing-config';
import type { AttemptResult, NotificationState } from './domain/notification-state';

export interface GroupToStore {
  group: AlertGroup;
  severity: Severity;
  title: string;
  dedupeKey: string;
  dedupeTtlSeconds: number;
  destinations: readonly Destination[];
}

export interface StoredNotification {
  id: string;
  destination: string;
  channel: Channel;
  state: NotificationState;
}

export interface StoredGroup {
  batchId: string;
  duplicate: boolean;
  notifications: StoredNotification[];
}

export interface DeliverableNotification {
  id: string;
  state: NotificationState;
  attempts: number;
  destination: string;
  severity: Severity;
  payload: AlertGroup;
}

export interface AttemptRecord {
  attempt: number;
  startedAt: Date;
  durationMs: number;
  result: AttemptResult;
  error?: string;
  // The state the notification moves to (pending stays pending for a retry).
  state: NotificationState;
}

const STORE_GROUP = `
WITH claim AS (
  INSERT INTO notifier_dedupe_keys (dedupe_key, batch_id, expires_at)
  SELECT $1, $2, now() + $3::int * interval '1 second' WHERE $3::int > 0
  ON CONFLICT (dedupe_key) DO UPDATE SET batch_id = EXCLUDED.batch_id, expires_at = EXCLUDED.expires_at
   WHERE notifier_dedupe_keys.expires_at <= now()
  RETURNING dedupe_key
), batch AS (
  INSERT INTO notifier_alert_batches
    (id, source, receiver, group_key, status, severity, title, alert_count, dedupe_key, duplicate, payload)
  SELECT $2, $4, $5, $6, $7, $8, $9, $10, $1, ($3::int > 0 AND NOT EXISTS (SELECT 1 FROM claim)), $11::jsonb
  RETURNING id, duplicate
), notifications AS (
  INSERT INTO notifier_notifications (id, batch_id, destination, channel, severity, status, title, state)
  SELECT d.id, batch.id, d.destination, d.channel, $8, $7, $9,
         CASE WHEN batch.duplicate THEN 'suppressed' ELSE 'pending' END
    FROM batch, unnest($12::uuid[], $13::text[], $14::text[]) AS d (id, destination, channel)
)
SELECT duplicate FROM batch`;

const RECORD_ATTEMPT = `
WITH moved AS (
  UPDATE notifier_notifications
     SET state = $2, attempts = attempts + $3, last_error = $4, updated_at = now(),
         delivered_at = CASE WHEN $2 = 'delivered' THEN now() ELSE delivered_at END
   WHERE id = $1 AND state = 'pending'
  RETURNING id
)
INSERT INTO notifier_delivery_attempts (notification_id, attempt, started_at, duration_ms, result, error)
SELECT id, $5, $6, $7, $8, $4 FROM moved
RETURNING id`;

// The notifier's outbox: what intake stores and what delivery reads and settles.
@Injectable()
export class OutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  // One statement, so one round trip and atomic: the dedupe claim, the batch and its notifications
  // are stored together or not at all. The claim is an upsert that only takes an expired key, so of
  // two identical groups arriving at once (an HA pair of Alertmanagers) exactly one wins; the other
  // waits for the winner's row lock and then sees the key taken.
  async storeGroup(input: GroupToStore): Promise<StoredGroup> {
    const { group } = input;
    const batchId = randomUUID();
    const notifications = input.destinations.map((destination) => ({
      id: randomUUID(),
      destination: destination.id,
      channel: destination.channel,
    }));
    const rows: Array<{ duplicate: boolean }> = await this.dataSource.query(STORE_GROUP, [
      input.dedupeKey,
      batchId,
      input.dedupeTtlSeconds,
      group.source,
      group.receiver,
      group.groupKey,
      group.status,
      input.severity,
      input.title,
      group.alerts.length + group.truncatedAlerts,
      JSON.stringify(group),
      notifications.map((notification) => notification.id),
      notifications.map((notification) => notification.destination),
      notifications.map((notification) => notification.channel),
    ]);
    const duplicate = rows[0]?.duplicate === true;
    const state: NotificationState = duplicate ? 'suppressed' : 'pending';
    return { batchId, duplicate, notifications: notifications.map((notification) => ({ ...notification, state })) };
  }

  // What one delivery attempt needs, in one query.
  async findForDelivery(id: string): Promise<DeliverableNotification | undefined> {
    const rows: DeliverableNotification[] = await this.dataSource.query(
      `SELECT n.id, n.state, n.attempts, n.destination, n.severity, b.payload
         FROM notifier_notifications n JOIN notifier_alert_batches b ON b.id = n.batch_id
        WHERE n.id = $1`,
      [id],
    );
    return rows[0];
  }

  // The attempt and the state it leads to, in one statement. Only a pending row moves: a replayed
  // job cannot turn a delivered notification back. A rate-limited wait is logged, not counted.
  async recordAttempt(notificationId: string, record: AttemptRecord): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(RECORD_ATTEMPT, [
      notificationId,
      record.state,
      record.result === 'rate_limited' ? 0 : 1,
      record.error ?? null,
      record.attempt,
      record.startedAt,
      record.durationMs,
      record.result,
    ]);
    return rows.length === 1;
  }

  // Pending rows older than `olderThanMs`, oldest first: those whose job may have been lost
  // (a crash between commit and enqueue, a Redis outage during intake).
  async pendingIds(olderThanMs: number, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM notifier_notifications
        WHERE state = 'pending' AND created_at < now() - $1 * interval '1 millisecond'
        ORDER BY created_at LIMIT $2`,
      [olderThanMs, limit],
    );
    return rows.map((row) => row.id);
  }

  async deleteExpiredDedupeKeys(): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM notifier_dedupe_keys WHERE expires_at <= now()`,
    );
    return result[1];
  }

  // Dead letters back to pending, for `notifications requeue`; all of them without ids.
  async reviveDead(ids: readonly string[] | 'all'): Promise<string[]> {
    // TypeORM answers an UPDATE ... RETURNING with [rows, affected].
    const [rows]: [Array<{ id: string }>, number] = await this.dataSource.query(
      `UPDATE notifier_notifications SET state = 'pending', updated_at = now()
        WHERE state = 'dead' AND ($1::uuid[] IS NULL OR id = ANY($1::uuid[]))
        RETURNING id`,
      [ids === 'all' ? null : ids],
    );
    return rows.map((row) => row.id);
  }

  async deadIds(ids: readonly string[] | 'all'): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM notifier_notifications WHERE state = 'dead' AND ($1::uuid[] IS NULL OR id = ANY($1::uuid[]))`,
      [ids === 'all' ? null : ids],
    );
    return rows.map((row) => row.id);
  }
}
