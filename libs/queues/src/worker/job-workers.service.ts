import { Inject, Injectable } from '@nestjs/common';
import type { AnyJobContract, PayloadOf, QueueName, ResultOf } from '@qbm/contracts';
import { QueueInstrumentation } from '@qbm/observability';
import { QueueConnections } from '../connection/queue-connections.service';
import { QueueRegistry } from '../producer/queue-registry.service';
import { QUEUES_OPTIONS, type ResolvedQueuesOptions } from '../queues-options';
import { type BatchHandler, JobBatcher, type BatchOptions } from './job-batcher';
import type { JobHandler, ProcessorOptions } from './job-handler';
import { createJobRunner } from './job-runner';
import { QueueWorker } from './queue-worker';

export interface BatchProcessorOptions extends ProcessorOptions {
  batch: BatchOptions;
}

// Where a service declares what it processes, typically from a processor's onModuleInit:
//   workers.process(raiseAlertJob, (alert) => this.deliver(alert), { concurrency: 5 });
// Workers start once the application has bootstrapped and stop first on shutdown.
@Injectable()
export class JobWorkers {
  private readonly workers = new Map<QueueName, QueueWorker>();
  private started = false;

  constructor(
    @Inject(QUEUES_OPTIONS) private readonly options: ResolvedQueuesOptions,
    private readonly connections: QueueConnections,
    private readonly queues: QueueRegistry,
    private readonly instrumentation: QueueInstrumentation,
  ) {}

  // The contract alone decides the types; the handler is checked against them.
  process<C extends AnyJobContract>(
    contract: C,
    handler: NoInfer<JobHandler<C>>,
    options: ProcessorOptions = {},
  ): void {
    const worker = this.workerFor(contract.queue, options);
    worker.addRunner(contract.name, createJobRunner(contract, handler, this.instrumentation));
  }

  // For handlers that work best on many jobs at once: the worker holds up to batch.maxSize jobs
  // and hands them over together.
  processBatch<C extends AnyJobContract>(
    contract: C,
    handler: NoInfer<BatchHandler<PayloadOf<C>, ResultOf<C>>>,
    options: BatchProcessorOptions,
  ): void {
    const batcher = new JobBatcher(handler, options.batch);
    const concurrency = Math.max(options.concurrency ?? 1, options.batch.maxSize);
    this.process<C>(contract, (payload, job) => batcher.submit(payload, job), { ...options, concurrency });
  }

  all(): QueueWorker[] {
    return [...this.workers.values()];
  }

  startAll(): void {
    this.started = true;
    for (const worker of this.workers.values()) worker.start();
  }

  async closeAll(): Promise<void> {
    this.started = false;
    await Promise.all(this.all().map((worker) => worker.close(this.options.shutdownGraceMs)));
  }

  private workerFor(queueName: QueueName, options: ProcessorOptions): QueueWorker {
    const concurrency = options.concurrency ?? 1;
    const existing = this.workers.get(queueName);
    if (existing) {
      existing.widen(concurrency, options.lockDurationMs);
      return existing;
    }
    // Seeds the queue's series at zero and gives the watchdog its backlog.
    this.queues.get(queueName);
    const worker = new QueueWorker(queueName, this.connections, {
      prefix: this.options.prefix,
      concurrency,
      ...(options.lockDurationMs === undefined ? {} : { lockDurationMs: options.lockDurationMs }),
      ...(options.stalledIntervalMs === undefined ? {} : { stalledIntervalMs: options.stalledIntervalMs }),
    });
    this.workers.set(queueName, worker);
    if (this.started) worker.start();
    return worker;
  }
}
