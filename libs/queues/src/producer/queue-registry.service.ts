import { Inject, Injectable, Logger } from '@nestjs/common';
import { JOB_CATALOGUE, type QueueName } from '@qbm/contracts';
import { QueueInstrumentation } from '@qbm/observability';
import { Queue } from 'bullmq';
import { QueueConnections } from '../connection/queue-connections.service';
import { QUEUES_OPTIONS, type ResolvedQueuesOptions } from '../queues-options';

// One BullMQ Queue per queue name, all on the shared producer connection, created on first use
// and observed by the queue metrics.
@Injectable()
export class QueueRegistry {
  private readonly logger = new Logger(QueueRegistry.name);
  private readonly queues = new Map<QueueName, Queue>();

  constructor(
    @Inject(QUEUES_OPTIONS) private readonly options: ResolvedQueuesOptions,
    private readonly connections: QueueConnections,
    private readonly instrumentation: QueueInstrumentation,
  ) {}

  get(name: QueueName): Queue {
    const existing = this.queues.get(name);
    if (existing) return existing;
    const queue = new Queue(name, { connection: this.connections.producer, prefix: this.options.prefix });
    // Outages are reported once by the connection; a Queue without a listener would throw instead.
    queue.on('error', (error: Error) => this.logger.debug(`queue ${name}: ${error.message}`));
    this.instrumentation.observe(queue, jobNamesOn(name));
    this.queues.set(name, queue);
    return queue;
  }

  all(): Queue[] {
    return [...this.queues.values()];
  }

  async close(): Promise<void> {
    await Promise.all(this.all().map((queue) => queue.close()));
    this.queues.clear();
  }
}

function jobNamesOn(queue: QueueName): string[] {
  return Object.values(JOB_CATALOGUE)
    .filter((contract) => contract.queue === queue)
    .map((contract) => contract.name);
}
