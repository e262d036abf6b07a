import { deliverNotificationJob } from '@qbm/contracts';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import type { NotifierConfig } from '../../config/notifier.config';
import { dataSourceOptions } from '../../database/data-source-options';
import { NOTIFICATION_STATES, type NotificationState } from '../../notifications/domain/notification-state';
import { NotificationHistoryRepository } from '../../notifications/notification-history.repository';
import { OutboxRepository } from '../../notifications/outbox.repository';
import { CliUsageError } from '../cli-usage.error';
import { renderNotificationTable } from '../notification-table.renderer';

export const NOTIFICATIONS_USAGE = `notifications list [--state dead|pending|delivered|suppressed] [--limit N] [--json]
  notifications requeue <id>... | --all-dead`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function flag(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

// `list` shows the dead letters by default; `requeue` puts dead letters back on the queue as fresh
// jobs (the failed job of the same id is removed first, or BullMQ would ignore the add).
export async function notificationsCommand(
  config: NotifierConfig,
  args: string[],
  write: (text: string) => void,
): Promise<void> {
  const [action, ...rest] = args;
  if (action !== 'list' && action !== 'requeue')
    throw new CliUsageError(NOTIFICATIONS_USAGE, ['expected list or requeue']);
  const dataSource = new DataSource(dataSourceOptions({ database: { ...config.database, poolMax: 2 } }));
  await dataSource.initialize();
  try {
    if (action === 'list') await list(dataSource, rest, write);
    else await requeue(config, new OutboxRepository(dataSource), rest, write);
  } finally {
    await dataSource.destroy();
  }
}

async function list(dataSource: DataSource, args: string[], write: (text: string) => void): Promise<void> {
  const state = (flag(args, '--state') ?? 'dead') as NotificationState;
  const limit = Number(flag(args, '--limit') ?? '50');
  const problems: string[] = [];
  if (!NOTIFICATION_STATES.includes(state)) problems.push(`--state must be one of ${NOTIFICATION_STATES.join(', ')}`);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) problems.push('--limit must be 1 to 1000');
  if (problems.length > 0) throw new CliUsageError(NOTIFICATIONS_USAGE, problems);
  const rows = await new NotificationHistoryRepository(dataSource).page({ state }, undefined, limit);
  write(args.includes('--json') ? `${JSON.stringify(rows, null, 2)}\n` : renderNotificationTable(rows));
}

async function requeue(
  config: NotifierConfig,
  outbox: OutboxRepository,
  args: string[],
  write: (text: string) => void,
): Promise<void> {
  const all = args.includes('--all-dead');
  const ids = args.filter((arg) => !arg.startsWith('--'));
  const bad = ids.filter((id) => !UUID.test(id));
  if ((!all && ids.length === 0) || (all && ids.length > 0) || bad.length > 0) {
    throw new CliUsageError(
      NOTIFICATIONS_USAGE,
      bad.length > 0 ? [`not notification ids: ${bad.join(', ')}`] : ['give ids or --all-dead'],
    );
  }
  const connection = new Redis(config.redisUrl, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    lazyConnect: true,
  });
  await connection.connect();
  const queue = new Queue(deliverNotificationJob.queue, { connection });
  try {
    const dead = await outbox.deadIds(all ? 'all' : ids);
    for (const id of dead) await (await queue.getJob(id))?.remove();
    const revived = await outbox.reviveDead(dead);
    for (const notificationId of revived) {
      await queue.add(
        deliverNotificationJob.name,
        { notificationId },
        { ...deliverNotificationJob.defaults, jobId: notificationId },
      );
    }
    const skipped = all ? [] : ids.filter((id) => !revived.includes(id));
    write(
      `requeued ${revived.length} dead letter(s)${skipped.length > 0 ? `; not dead, left alone: ${skipped.join(', ')}` : ''}\n`,
    );
  } finally {
    await queue.close();
    connection.disconnect();
  }
}
