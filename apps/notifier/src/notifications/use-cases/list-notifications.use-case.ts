import { Injectable } from '@nestjs/common';
import { validationFailed } from '@qbm/http';
import type { ListNotificationsRequestDto } from '../dto/list-notifications.request.dto';
import type { NotificationPageResponseDto, NotificationResponseDto } from '../dto/notification.response.dto';
import {
  type AttemptRow,
  type HistoryPosition,
  type HistoryRow,
  NotificationHistoryRepository,
} from '../notification-history.repository';

const DEFAULT_SIZE = 20;

export function encodeCursor(position: HistoryPosition): string {
  return Buffer.from(`${position.createdAt}|${position.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): HistoryPosition {
  const [createdAt, id, extra] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const valid =
    extra === undefined &&
    createdAt !== undefined &&
    !Number.isNaN(Date.parse(createdAt)) &&
    id !== undefined &&
    /^[0-9a-f-]{36}$/.test(id);
  if (!valid) {
    throw validationFailed([
      { field: 'cursor', reason: 'invalid', message: 'cursor is not one this endpoint returned' },
    ]);
  }
  return { createdAt, id };
}

function toResponse(row: HistoryRow, attempts: AttemptRow[]): NotificationResponseDto {
  return {
    id: row.id,
    batchId: row.batch_id,
    source: row.source,
    receiver: row.receiver,
    groupKey: row.group_key,
    title: row.title,
    status: row.status,
    severity: row.severity,
    alertCount: row.alert_count,
    channel: row.channel,
    destination: row.destination,
    state: row.state,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at?.toISOString() ?? null,
    attemptLog: attempts.map((attempt) => ({
      attempt: attempt.attempt,
      startedAt: attempt.started_at.toISOString(),
      durationMs: attempt.duration_ms,
      result: attempt.result,
      error: attempt.error,
    })),
  };
}

@Injectable()
export class ListNotifications {
  constructor(private readonly history: NotificationHistoryRepository) {}

  async execute(query: ListNotificationsRequestDto): Promise<NotificationPageResponseDto> {
    const size = query.size ?? DEFAULT_SIZE;
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    // One row more than asked tells whether there is a next page.
    const rows = await this.history.page(query, after, size + 1);
    const page = rows.slice(0, size);
    const attempts = await this.history.attempts(page.map((row) => row.id));
    const byNotification = new Map<string, AttemptRow[]>();
    for (const attempt of attempts) {
      byNotification.set(attempt.notification_id, [...(byNotification.get(attempt.notification_id) ?? []), attempt]);
    }
    const last = page.at(-1);
    return {
      data: page.map((row) => toResponse(row, byNotification.get(row.id) ?? [])),
      meta: {
        nextCursor: rows.length > size && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
      },
    };
  }
}
