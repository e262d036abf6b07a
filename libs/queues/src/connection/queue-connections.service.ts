import { Inject, Injectable, Logger } from '@nestjs/common';
import { Redis, type RedisOptions } from 'ioredis';
import { QUEUES_OPTIONS, type ResolvedQueuesOptions } from '../queues-options';

// The Redis connections of the queues: one shared by every producer (BullMQ Queue objects) and one
// per worker, which BullMQ duplicates for its blocking fetch.
@Injectable()
export class QueueConnections {
  private readonly logger = new Logger(QueueConnections.name);
  readonly producer: Redis;
  private readonly workerClients = new Set<Redis>();

  constructor(@Inject(QUEUES_OPTIONS) private readonly options: ResolvedQueuesOptions) {
    // Fails fast while Redis is away, so an enqueue inside a request errors instead of hanging.
    this.producer = this.open('producer', { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  }

  // Workers wait an outage out instead; BullMQ requires maxRetriesPerRequest null for them.
  openForWorker(queueName: string): Redis {
    const client = this.open(`worker:${queueName}`, { maxRetriesPerRequest: null });
    this.workerClients.add(client);
    return client;
  }

  async release(client: Redis): Promise<void> {
    this.workerClients.delete(client);
    await closeClient(client);
  }

  isProducerReady(): boolean {
    return this.producer.status === 'ready';
  }

  async close(): Promise<void> {
    await Promise.all([...this.workerClients].map((client) => this.release(client)));
    await closeClient(this.producer);
  }

  // One warning per outage and one line on recovery, however often ioredis retries in between.
  private open(role: string, options: RedisOptions): Redis {
    const client = new Redis(this.options.redisUrl, { ...options, connectionName: `qbm:queues:${role}` });
    let down = false;
    client.on('error', (error: Error) => {
      if (down) return;
      down = true;
      this.logger.warn(`Redis unreachable for queue ${role}: ${error.message}`);
    });
    client.on('ready', () => {
      if (!down) return;
      down = false;
      this.logger.log(`Redis reachable again for queue ${role}`);
    });
    return client;
  }
}

// QUIT lets pending replies arrive; a client that is not connected has nothing to wait for.
async function closeClient(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  if (client.status !== 'ready') {
    client.disconnect();
    return;
  }
  await client.quit().catch(() => client.disconnect());
}
