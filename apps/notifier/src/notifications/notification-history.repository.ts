import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NotificationState } from './domain/notification-state';

export interface HistoryFilter {
  state?: NotificationState;
  channel?: string;
  severity?: string;
  status?: string;
  destination?: string;
  alertname?: string;
  since?: string;
  until?: string;
}

// Keyset position: created_at with microseconds (as Postgres stores it) and the id.
export interface HistoryPosition {
  createdAt: string;
  id: string;
}

export interface HistoryRow {
  id: string;
  batch_id: string;
  source: string;
  receiver: string;
  group_key: string;
  title: string;
  status: string;
  severity: string;
  alert_count: number;
  channel: string;
  destination: string;
  state: NotificationState;
  attempts: number;
  last_error: string | null;
  created_at: string;
  delivered_at: Date | null;
}

export interface AttemptRow {
  notification_id: string;
  attempt: number;
  started_at: Date;
  duration_ms: number;
  result: string;
  error: string | null;
}

const FILTER_COLUMNS = {
  state: 'n.state',
  channel: 'n.channel',
  severity: 'n.severity',
  status: 'n.status',
  destination: 'n.destination',
  alertname: 'n.title',
} as const;

// Reads for the history endpoint and the CLI: newest first, keyset-paged, attempts alongside.
@Injectable()
export class NotificationHistoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async page(filter: HistoryFilter, after: HistoryPosition | undefined, size: number): Promise<HistoryRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const bind = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    for (const [field, column] of Object.entries(FILTER_COLUMNS)) {
      const value = filter[field as keyof typeof FILTER_COLUMNS];
      if (value !== undefined) where.push(`${column} = ${bind(value)}`);
    }
    if (filter.since) where.push(`n.created_at >= ${bind(filter.since)}::timestamptz`);
    if (filter.until) where.push(`n.created_at < ${bind(filter.until)}::timestamptz`);
    if (after) where.push(`(n.created_at, n.id) < (${bind(after.createdAt)}::timestamptz, ${bind(after.id)}::uuid)`);
    return this.dataSource.query(
      `SELECT n.id, n.batch_id, b.source, b.receiver, b.group_key, n.title, n.status, n.severity, b.alert_count,
              n.channel, n.destination, n.state, n.attempts, n.last_error, n.delivered_at,
              to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at
         FROM notifier_notifications n JOIN notifier_alert_batches b ON b.id = n.batch_id
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY n.created_at DESC, n.id DESC
        LIMIT ${bind(size)}`,
      params,
    );
  }

  async attempts(notificationIds: readonly string[]): Promise<AttemptRow[]> {
    if (notificationIds.length === 0) return [];
    return this.dataSource.query(
      `SELECT notification_id, attempt, started_at, duration_ms, result, error
         FROM notifier_delivery_attempts WHERE notification_id = ANY($1::uuid[]) ORDER BY id`,
      [notificationIds],
    );
  }
}
