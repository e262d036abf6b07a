import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HealthRegistry } from '@qbm/observability';
import { QueueConnections } from '../connection/queue-connections.service';
import { QUEUES_OPTIONS, type ResolvedQueuesOptions } from '../queues-options';
import { WorkerWatchdog } from '../watchdog/worker-watchdog.service';

// The `queues` check: the queue connection is ready and every worker's heartbeat is fresh. It
// reads what the connection and the watchdog already know, so it costs no Redis round trip.
@Injectable()
export class QueueHealth implements OnModuleInit {
  constructor(
    @Inject(QUEUES_OPTIONS) private readonly options: ResolvedQueuesOptions,
    private readonly registry: HealthRegistry,
    private readonly connections: QueueConnections,
    private readonly watchdog: WorkerWatchdog,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'queues',
      readiness: this.options.health.readiness,
      timeoutMs: this.options.health.timeoutMs,
      // Deferred, so a failing check rejects rather than throws.
      run: () => Promise.resolve().then(() => this.check()),
    });
  }

  // Throws with every problem found; otherwise returns each worker's heartbeat age and backlog.
  check(): Record<string, unknown> {
    const problems: string[] = [];
    const status = this.connections.producer.status;
    if (status !== 'ready') problems.push(`queue connection is ${status}`);
    const workers: Record<string, unknown> = {};
    for (const report of this.watchdog.report()) {
      if (report.stall !== undefined) problems.push(`worker of ${report.queue} stalled: ${report.stall}`);
      else if (report.heartbeatAgeMs > this.options.watchdog.stallAfterMs) {
        problems.push(`worker of ${report.queue} last healthy ${Math.round(report.heartbeatAgeMs / 1000)} s ago`);
      }
      workers[report.queue] = {
        heartbeat_age_s: Math.round(report.heartbeatAgeMs / 100) / 10,
        backlog: report.backlog,
      };
    }
    if (problems.length > 0) throw new Error(problems.join('; '));
    return { connection: status, workers };
  }
}
