import type { QueueLike } from '../queue/queue-instrumentation.service';
import type { HealthCheck } from './health.registry';

// Reports the backlog of each queue; reaching Redis through the queue's own connection also
// makes it a readiness signal for services whose work arrives by queue.
export function queueCheck(
  queues: readonly QueueLike[],
  options: { readiness?: boolean; timeoutMs?: number } = {},
): HealthCheck {
  return {
    name: 'queues',
    readiness: options.readiness ?? false,
    timeoutMs: options.timeoutMs,
    run: async () => {
      const entries = await Promise.all(
        queues.map(async (queue) => {
          const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
          return [queue.name, counts] as const;
        }),
      );
      return { backlog: Object.fromEntries(entries) };
    },
  };
}
