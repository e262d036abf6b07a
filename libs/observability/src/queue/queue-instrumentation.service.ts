import { Injectable, Logger } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { storage, Store } from 'nestjs-pino/storage';
import { requestContext } from '../logging/request-context';
import { QUEUE_JOB_STATES } from '../metrics/metric-labels';
import { MetricsScrapeHooks } from '../metrics/scrape-hooks.service';
import { requestIdOf } from './job-request-id';
import { QueueMetrics } from './queue.metrics';

// The parts of BullMQ's Queue and Job used here; the library does not depend on BullMQ.
export interface QueueLike {
  readonly name: string;
  getJobCounts(...types: string[]): Promise<Record<string, number>>;
}

export interface JobLike {
  readonly name: string;
  readonly id?: string;
  readonly data: unknown;
}

// A scrape must stay fast even when Redis is not answering.
const COUNTS_TIMEOUT_MS = 500;

@Injectable()
export class QueueInstrumentation {
  private readonly logger = new Logger(QueueInstrumentation.name);

  constructor(
    private readonly metrics: QueueMetrics,
    private readonly scrapeHooks: MetricsScrapeHooks,
    private readonly pino: PinoLogger,
  ) {}

  // Producer side: queue_jobs{queue,state} read from Redis at scrape time; last values kept on failure.
  observe(queue: QueueLike, jobNames: readonly string[] = []): void {
    this.metrics.seedQueue(queue.name, jobNames);
    let inFlight: Promise<void> | undefined;
    this.scrapeHooks.onScrape([this.metrics.queueJobs], () => {
      inFlight ??= this.readCounts(queue)
        .catch((error: unknown) => this.logger.debug(`job counts of ${queue.name} failed: ${String(error)}`))
        .finally(() => (inFlight = undefined));
      return inFlight;
    });
  }

  // Worker side: wraps one job's handler. Times it, counts its result, marks the worker active,
  // and runs it under the request id the producer stamped, so its logs join the request's.
  async process<T>(queueName: string, job: JobLike, handler: () => Promise<T>): Promise<T> {
    const requestId = requestIdOf(job.data) ?? `job:${queueName}:${job.id ?? 'unknown'}`;
    const labels = { queue: queueName, job_name: job.name };
    const stopTimer = this.metrics.queueJobDuration.startTimer(labels);
    // Outside a request this is the root logger, also in apps without HTTP; the request id comes
    // from the request context, as on every line.
    const logger = this.pino.logger.child({ queue: queueName, job: job.name, job_id: job.id });
    let deferred = false;
    try {
      const result = await requestContext.run({ requestId }, () => storage.run(new Store(logger), handler));
      this.metrics.queueJobsProcessedTotal.inc({ ...labels, result: 'completed' });
      return result;
    } catch (error: unknown) {
      deferred = isDeferral(error);
      if (!deferred) this.metrics.queueJobsProcessedTotal.inc({ ...labels, result: 'failed' });
      throw error;
    } finally {
      // A job handed back to its queue for later is neither finished nor timed as work.
      if (!deferred) stopTimer();
      this.metrics.queueWorkerLastActive.set({ queue: queueName }, Date.now() / 1000);
    }
  }

  // Called by a watchdog that restarted a worker which had stopped taking jobs.
  workerRestarted(queueName: string): void {
    this.metrics.queueWorkerRestartsTotal.inc({ queue: queueName });
  }

  // Called by a watchdog that saw the worker running and keeping up, though maybe with nothing to do.
  workerHeartbeat(queueName: string): void {
    this.metrics.queueWorkerLastActive.set({ queue: queueName }, Date.now() / 1000);
  }

  // A job whose payload failed its schema: counted apart from failures and not timed as work.
  jobInvalid(queueName: string, job: JobLike): void {
    this.metrics.queueJobsProcessedTotal.inc({ queue: queueName, job_name: job.name, result: 'invalid' });
    this.metrics.queueWorkerLastActive.set({ queue: queueName }, Date.now() / 1000);
  }

  private async readCounts(queue: QueueLike): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('getJobCounts timed out')), COUNTS_TIMEOUT_MS);
    });
    try {
      const counts = await Promise.race([queue.getJobCounts(...QUEUE_JOB_STATES), timeout]);
      for (const state of QUEUE_JOB_STATES) {
        this.metrics.queueJobs.set({ queue: queue.name, state }, counts[state] ?? 0);
      }
    } finally {
      clearTimeout(timer);
    }
  }
}

// BullMQ's control-flow errors (by name, as BullMQ itself checks them): the handler moved the job to
// delayed, rate-limited its queue or waits for children. The job is not finished, so not a failure.
const DEFERRAL_ERRORS = new Set(['DelayedError', 'RateLimitError', 'WaitingChildrenError', 'WaitingError']);

export function isDeferral(error: unknown): boolean {
  return error instanceof Error && DEFERRAL_ERRORS.has(error.name);
}
