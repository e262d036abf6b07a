import { Inject, Injectable, Logger } from '@nestjs/common';
import type { QueueName } from '@qbm/contracts';
import { QueueInstrumentation } from '@qbm/observability';
import { QueueConnections } from '../connection/queue-connections.service';
import { QueueRegistry } from '../producer/queue-registry.service';
import { QUEUES_OPTIONS, type ResolvedQueuesOptions } from '../queues-options';
import type { QueueWorker } from '../worker/queue-worker';
import { JobWorkers } from '../worker/job-workers.service';
import { assessWorker, freshWatchState, type WatchSample, type WatchState } from './worker-assessment';

export interface WorkerWatchReport {
  queue: QueueName;
  stall?: string;
  heartbeatAgeMs: number;
  backlog?: number;
}

// Watches every worker of this process for BullMQ's known failure mode: a worker that stops taking
// jobs after Redis went away and came back. A worker keeping up feeds the last-active gauge; a
// stalled one is reported to the health check, then closed and recreated once Redis answers.
@Injectable()
export class WorkerWatchdog {
  private readonly logger = new Logger(WorkerWatchdog.name);
  private readonly states = new Map<QueueName, WatchState>();
  private readonly backlogs = new Map<QueueName, number | undefined>();
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private running = false;

  constructor(
    @Inject(QUEUES_OPTIONS) private readonly options: ResolvedQueuesOptions,
    private readonly workers: JobWorkers,
    private readonly queues: QueueRegistry,
    private readonly connections: QueueConnections,
    private readonly instrumentation: QueueInstrumentation,
  ) {}

  start(): void {
    this.running = true;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.ticking;
  }

  report(): WorkerWatchReport[] {
    const now = Date.now();
    return this.workers.all().map((worker) => {
      const state = this.stateOf(worker.queueName, now);
      const backlog = this.backlogs.get(worker.queueName);
      return {
        queue: worker.queueName,
        heartbeatAgeMs: now - state.lastHealthyAt,
        ...(state.stall === undefined ? {} : { stall: state.stall }),
        ...(backlog === undefined ? {} : { backlog }),
      };
    });
  }

  // One pass over every worker, after any pass in progress; public so a test or a probe can force one.
  check(): Promise<void> {
    const pass = (this.ticking ?? Promise.resolve()).then(async () => {
      for (const worker of this.workers.all()) await this.checkWorker(worker);
    });
    this.ticking = pass.catch((error: unknown) => this.logger.error(`watchdog pass failed: ${String(error)}`));
    return pass;
  }

  private schedule(): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      void this.check()
        .catch(() => undefined)
        .finally(() => this.schedule());
    }, this.options.watchdog.intervalMs);
    this.timer.unref();
  }

  private async checkWorker(worker: QueueWorker): Promise<void> {
    const queueName = worker.queueName;
    const sample = await this.sample(worker);
    this.backlogs.set(queueName, sample.backlog);
    const { state, action } = assessWorker(
      this.stateOf(queueName, sample.at),
      sample,
      this.options.watchdog.stallAfterMs,
    );
    this.states.set(queueName, state);
    switch (action) {
      case 'heartbeat':
        this.instrumentation.workerHeartbeat(queueName);
        return;
      case 'restart':
        if (!this.running) return;
        this.logger.warn(`Restarting the worker of queue ${queueName}: ${state.stall ?? 'stalled'}`);
        await worker.restart(this.options.shutdownGraceMs);
        this.instrumentation.workerRestarted(queueName);
        this.states.set(queueName, freshWatchState(Date.now()));
        return;
      case 'wait':
        return;
    }
  }

  private async sample(worker: QueueWorker): Promise<WatchSample> {
    const queue = this.queues.get(worker.queueName);
    const redisReady = this.connections.isProducerReady();
    // The producer connection fails fast, so these do not hang while Redis is away.
    const [workerSample, counts, queuePaused] = await Promise.all([
      worker.sample(),
      redisReady ? queue.getJobCounts('waiting', 'prioritized').catch(() => undefined) : undefined,
      redisReady ? queue.isPaused().catch(() => false) : false,
    ]);
    const backlog = counts === undefined ? undefined : (counts.waiting ?? 0) + (counts.prioritized ?? 0);
    return { ...workerSample, at: Date.now(), redisReady, backlog, queuePaused };
  }

  // A worker's heartbeat starts counting when the watchdog first sees it.
  private stateOf(queueName: QueueName, now: number): WatchState {
    const state = this.states.get(queueName) ?? freshWatchState(now);
    this.states.set(queueName, state);
    return state;
  }
}
