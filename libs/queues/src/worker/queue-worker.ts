import { Logger } from '@nestjs/common';
import type { QueueName } from '@qbm/contracts';
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { QueueConnections } from '../connection/queue-connections.service';
import type { QueueJob } from './job-handler';
import type { RunJob } from './job-runner';

export interface QueueWorkerSettings {
  prefix: string;
  concurrency: number;
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

// What the watchdog reads from a worker on each tick.
export interface WorkerSample {
  running: boolean;
  blockingReady: boolean;
  inFlight: number;
  lastActivityAt: number;
}

// How long a sample waits for BullMQ's blocking client before calling it not ready.
const READY_PROBE_MS = 200;

// The one BullMQ Worker of a queue in this process, on a connection of its own, dispatching each
// job to the runner of its name. The watchdog may close it and start a fresh one.
export class QueueWorker {
  private readonly logger: Logger;
  private readonly runners = new Map<string, RunJob>();
  private worker: Worker<unknown, unknown, string> | undefined;
  private client: Redis | undefined;
  private inFlight = 0;
  private lastActivityAt = Date.now();

  constructor(
    readonly queueName: QueueName,
    private readonly connections: QueueConnections,
    private readonly settings: QueueWorkerSettings,
  ) {
    this.logger = new Logger(`QueueWorker ${queueName}`);
  }

  addRunner(jobName: string, runner: RunJob): void {
    if (this.runners.has(jobName)) throw new Error(`Job "${jobName}" already has a processor`);
    this.runners.set(jobName, runner);
  }

  // Concurrency is live in BullMQ; the lock duration applies from the next start.
  widen(concurrency: number, lockDurationMs?: number): void {
    this.settings.concurrency = Math.max(this.settings.concurrency, concurrency);
    if (lockDurationMs !== undefined) {
      this.settings.lockDurationMs = Math.max(this.settings.lockDurationMs ?? 0, lockDurationMs);
    }
    if (this.worker) this.worker.concurrency = this.settings.concurrency;
  }

  start(): void {
    if (this.worker) return;
    this.client = this.connections.openForWorker(this.queueName);
    this.worker = new Worker<unknown, unknown, string>(this.queueName, (job) => this.run(job), {
      connection: this.client,
      prefix: this.settings.prefix,
      concurrency: this.settings.concurrency,
      ...(this.settings.lockDurationMs === undefined ? {} : { lockDuration: this.settings.lockDurationMs }),
      ...(this.settings.stalledIntervalMs === undefined ? {} : { stalledInterval: this.settings.stalledIntervalMs }),
    });
    // Outages are reported once by the connection; a Worker without a listener would throw instead.
    this.worker.on('error', (error: Error) => this.logger.debug(error.message));
    this.lastActivityAt = Date.now();
  }

  // Waits up to graceMs for jobs in flight; past that they are left to BullMQ's stalled-job check,
  // which hands them to another worker once their lock expires. pause() stops fetching and waits
  // for the jobs in hand, and unlike close() it can still be followed by a forced close.
  async close(graceMs: number): Promise<void> {
    const { worker, client } = this;
    this.worker = undefined;
    this.client = undefined;
    if (!worker || !client) return;
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)));
    const drained = worker.pause().then(
      () => true,
      () => true,
    );
    if (!(await Promise.race([drained, expired]))) {
      this.logger.warn(`${this.inFlight} job(s) still running after ${graceMs} ms; closing anyway`);
    }
    clearTimeout(timer);
    await worker.close(true);
    await this.connections.release(client);
  }

  async restart(graceMs: number): Promise<void> {
    await this.close(graceMs);
    this.start();
  }

  async sample(): Promise<WorkerSample> {
    const worker = this.worker;
    const base = { inFlight: this.inFlight, lastActivityAt: this.lastActivityAt };
    if (!worker) return { ...base, running: false, blockingReady: false };
    return { ...base, running: worker.isRunning(), blockingReady: await blockingClientReady(worker) };
  }

  private async run(job: QueueJob): Promise<unknown> {
    const runner = this.runners.get(job.name);
    // Retried, not failed for good: during a rolling deploy a newer worker may know the name.
    if (!runner) throw new Error(`JOB.UNKNOWN_NAME: no processor for "${job.name}" on queue ${this.queueName}`);
    this.inFlight++;
    this.lastActivityAt = Date.now();
    try {
      return await runner(job);
    } finally {
      this.inFlight--;
      this.lastActivityAt = Date.now();
    }
  }
}

// BullMQ keeps its blocking client private; waitUntilReady() is the public way to reach it.
async function blockingClientReady(worker: Worker<unknown, unknown, string>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), READY_PROBE_MS)));
  try {
    const client = await Promise.race([worker.waitUntilReady(), timeout]);
    return client?.status === 'ready';
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
