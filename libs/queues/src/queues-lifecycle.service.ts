import {
  type BeforeApplicationShutdown,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { QueueConnections } from './connection/queue-connections.service';
import { QueueRegistry } from './producer/queue-registry.service';
import { WorkerWatchdog } from './watchdog/worker-watchdog.service';
import { JobWorkers } from './worker/job-workers.service';

// The order things start and stop in. Workers start after every module has registered its
// processors; on shutdown they drain first (while the app's database and clients still work),
// then producers and connections close.
@Injectable()
export class QueuesLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    private readonly workers: JobWorkers,
    private readonly watchdog: WorkerWatchdog,
    private readonly queues: QueueRegistry,
    private readonly connections: QueueConnections,
  ) {}

  onApplicationBootstrap(): void {
    this.workers.startAll();
    this.watchdog.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.watchdog.stop();
    await this.workers.closeAll();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queues.close();
    await this.connections.close();
  }
}
