import { type DynamicModule, Global, Module } from '@nestjs/common';
import { QueueConnections } from './connection/queue-connections.service';
import { QueueHealth } from './health/queue.health';
import { JobProducer } from './producer/job-producer.service';
import { QueueRegistry } from './producer/queue-registry.service';
import { QueuesLifecycle } from './queues-lifecycle.service';
import { QUEUES_OPTIONS, type QueuesAsyncOptions, type QueuesOptions, resolveQueuesOptions } from './queues-options';
import { WorkerWatchdog } from './watchdog/worker-watchdog.service';
import { JobWorkers } from './worker/job-workers.service';

// BullMQ for one service: its connections, typed producer, workers, watchdog and health check.
// Needs ObservabilityModule (queue metrics, health registry); import once, in the root module.
@Global()
@Module({})
export class QueuesModule {
  static forRoot(options: QueuesOptions): DynamicModule {
    return QueuesModule.forRootAsync({ useFactory: () => options });
  }

  static forRootAsync(asyncOptions: QueuesAsyncOptions): DynamicModule {
    const useFactory = asyncOptions.useFactory as (...args: unknown[]) => QueuesOptions | Promise<QueuesOptions>;
    return {
      module: QueuesModule,
      imports: asyncOptions.imports ?? [],
      providers: [
        {
          provide: QUEUES_OPTIONS,
          inject: asyncOptions.inject ?? [],
          useFactory: async (...args: unknown[]) => resolveQueuesOptions(await useFactory(...args)),
        },
        QueueConnections,
        QueueRegistry,
        JobProducer,
        JobWorkers,
        WorkerWatchdog,
        QueueHealth,
        QueuesLifecycle,
      ],
      exports: [JobProducer, JobWorkers, QueueRegistry, WorkerWatchdog, QueueHealth],
    };
  }
}
