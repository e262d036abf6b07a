import { type ConnectionOptions, type Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';

// Jobs still to be done: a queue is drained when none is left in these states. A paused queue never
// drains, so its jobs count too and show up in the timeout's message.
const OPEN_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'paused'] as const;

export interface DrainQueueOptions {
  timeoutMs?: number;
}

// Waits until every job of the queue has finished (completed or failed), instead of sleeping: it
// re-counts on each of the queue's own events, and every 250 ms in case an event was missed.
export async function drainQueue(queue: Queue, options: DrainQueueOptions = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const counts = async (): Promise<Record<string, number>> => queue.getJobCounts(...OPEN_STATES);
  const open = (current: Record<string, number>): number => Object.values(current).reduce((sum, n) => sum + n, 0);
  if (open(await counts()) === 0) return;

  const { connection, release } = blockingConnection(queue.opts.connection);
  const events = new QueueEvents(queue.name, { connection, prefix: queue.opts.prefix });
  let last: Record<string, number> = {};
  try {
    await events.waitUntilReady();
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      const check = (): void => {
        counts().then(
          (current) => {
            last = current;
            if (open(current) === 0) finish();
          },
          (error: unknown) => finish(error instanceof Error ? error : new Error('counting the jobs failed')),
        );
      };
      const backstop = setInterval(check, 250);
      const deadline = setTimeout(
        () => finish(new Error(`queue ${queue.name} did not drain within ${timeoutMs} ms: ${JSON.stringify(last)}`)),
        timeoutMs,
      );
      function finish(error?: Error): void {
        if (settled) return;
        settled = true;
        clearInterval(backstop);
        clearTimeout(deadline);
        for (const event of ['completed', 'failed', 'drained', 'removed'] as const) events.off(event, check);
        if (error === undefined) resolve();
        else reject(error);
      }
      for (const event of ['completed', 'failed', 'drained', 'removed'] as const) events.on(event, check);
      check();
    });
  } finally {
    await events.close();
    release();
  }
}

// QueueEvents blocks on its connection: it gets a copy of a shared client (blocking-friendly), or
// the same options when the queue was given options.
function blockingConnection(connection: ConnectionOptions): { connection: ConnectionOptions; release: () => void } {
  if (connection instanceof Redis) {
    const copy = connection.duplicate({ maxRetriesPerRequest: null, enableOfflineQueue: true, lazyConnect: false });
    return { connection: copy, release: () => copy.disconnect() };
  }
  return { connection, release: () => undefined };
}
