import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AlertGroup, Severity } from '../alerts/domain/alert-group';
import type { Channel, Destination } from '../config/routing/routing-config';
import { Transaction } from '../database/transaction';
import type { AttemptResult, NotificationState } from './domain/notification-state';
import { AlertBatch } from './entities/alert-batch.entity';
import { DeliveryAttempt } from './entities/delivery-attempt.entity';
import { Notification } from './entities/notification.entity';

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

export interface AttemptRecord {
  attempt: number;
  startedAt: Date;
  durationMs: number;
  result: AttemptResult;
  error?: string;
  // The state the notification moves to (pending stays pending for a retry).
  state: NotificationState;
}

// The notifier's outbox: what intake stores and what delivery reads and settles.
@Injectable()
export class OutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  // One transaction: the batch, its dedupe claim and its notifications are stored together or not
  // at all. The claim is an upsert that only takes an expired key, so of two identical groups
  // arriving at once (an HA pair of Alertmanagers) exactly one wins; the other waits for its lock.
  storeGroup(input: GroupToStore): Promise<StoredGroup> {
    return Transaction.run(this.dataSource, async (tx) => {
      const manager = Transaction.manager(this.dataSource, tx);
      const batchId = randomUUID();
      const duplicate =
        input.dedupeTtlSeconds > 0 && !(await this.claim(tx, input.dedupeKey, batchId, input.dedupeTtlSeconds));
      const { group } = input;
      await manager.insert(AlertBatch, {
        id: batchId,
        source: group.source,
        receiver: group.receiver,
        groupKey: group.groupKey,
        status: group.status,
        severity: input.severity,
        title: input.title,
        alertCount: group.alerts.length + group.truncatedAlerts,
        dedupeKey: input.dedupeKey,
        duplicate,
        payload: group,
      });
      const state: NotificationState = duplicate ? 'suppressed' : 'pending';
      const rows = input.destinations.map((destination) => ({
        id: randomUUID(),
        batchId,
        destination: destination.id,
        channel: destination.channel,
        severity: input.severity,
        status: group.status,
        title: input.title,
        state,
        attempts: 0,
      }));
      if (rows.length > 0) await manager.insert(Notification, rows);
      return {
        batchId,
        duplicate,
        notifications: rows.map(({ id, destination, channel }) => ({ id, destination, channel, state })),
      };
    });
  }

  async findForDelivery(id: string): Promise<(Notification & { batch: AlertBatch }) | undefined> {
    const found = await this.dataSource.manager.findOne(Notification, { where: { id }, relations: { batch: true } });
    return found?.batch ? (found as Notification & { batch: AlertBatch }) : undefined;
  }

  // The attempt and the state it leads to, together. Only a pending row moves: a replayed job
  // cannot turn a delivered notification back.
  recordAttempt(notificationId: string, record: AttemptRecord): Promise<boolean> {
    return Transaction.run(this.dataSource, async (tx) => {
      const manager = Transaction.manager(this.dataSource, tx);
      const result = await manager
        .createQueryBuilder()
        .update(Notification)
        .set({
          state: record.state,
          attempts: () => (record.result === 'rate_limited' ? 'attempts' : 'attempts + 1'),
          lastError: record.error ?? null,
          ...(record.state === 'delivered' ? { deliveredAt: () => 'now()' } : {}),
        })
        .where('id = :id AND state = :pending', { id: notificationId, pending: 'pending' })
        .execute();
      if (result.affected !== 1) return false;
      await manager.insert(DeliveryAttempt, {
        notificationId,
        attempt: record.attempt,
        startedAt: record.startedAt,
        durationMs: record.durationMs,
        result: record.result,
        error: record.error ?? null,
      });
      return true;
    });
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

  private async claim(tx: Transaction, key: string, batchId: string, ttlSeconds: number): Promise<boolean> {
    const rows: unknown[] = await Transaction.manager(this.dataSource, tx).query(
      `INSERT INTO notifier_dedupe_keys (dedupe_key, batch_id, expires_at)
       VALUES ($1, $2, now() + $3 * interval '1 second')
       ON CONFLICT (dedupe_key) DO UPDATE SET batch_id = EXCLUDED.batch_id, expires_at = EXCLUDED.expires_at
        WHERE notifier_dedupe_keys.expires_at <= now()
       RETURNING dedupe_key`,
      [key, batchId, ttlSeconds],
    );
    return rows.length === 1;
  }
}
