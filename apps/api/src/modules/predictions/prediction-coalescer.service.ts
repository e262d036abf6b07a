import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { predictJob, type PredictionItem, type PredictionOutput, type PredictResult } from '@qbm/contracts';
import { JobProducer } from '@qbm/queues';
import { QueueEvents } from 'bullmq';
import Redis from 'ioredis';
import { ApiConfig } from '../../config/api.config';
import { PredictionErrors } from './predictions.errors';

// Concurrent single predictions travel as one job: BullMQ's cost is per job (about 2.8k jobs/s here
// whatever the worker does), the model's is mostly per call. No fixed window: with fewer than
// MAX_JOBS_IN_FLIGHT jobs out, what arrived in this turn of the event loop leaves at its end (a lone
// request waits for nothing); with more, requests gather until one comes back, so batches grow
// with the load instead of with a timer.
const MAX_JOBS_IN_FLIGHT = 2;
const MAX_ITEMS_PER_JOB = 1_000;
// The guide's objective for an inference; past it the caller gets a coded 503, never a hang.
export const PREDICTION_TIMEOUT_MS = 2_000;

export interface CoalescedAnswer {
  output: PredictionOutput;
  modelVersions: Record<string, string>;
}

interface Waiting {
  item: PredictionItem;
  resolve: (answer: CoalescedAnswer) => void;
  reject: (error: unknown) => void;
}

@Injectable()
export class PredictionCoalescer implements OnModuleDestroy {
  private pending: Waiting[] = [];
  private scheduled: NodeJS.Immediate | undefined;
  private inFlight = 0;
  private events: QueueEvents | null = null;
  private eventsConnection: Redis | null = null;

  constructor(
    private readonly producer: JobProducer,
    private readonly config: ApiConfig,
  ) {}

  predict(item: PredictionItem): Promise<CoalescedAnswer> {
    return new Promise<CoalescedAnswer>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= MAX_ITEMS_PER_JOB) this.flush();
      else this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= MAX_JOBS_IN_FLIGHT || this.pending.length === 0) return;
    this.scheduled = setImmediate(() => this.flush());
  }

  async onModuleDestroy(): Promise<void> {
    clearImmediate(this.scheduled);
    await this.events?.close();
    // BullMQ leaves a connection it was handed open.
    this.eventsConnection?.disconnect();
  }

  private queueEvents(): QueueEvents {
    // One blocking connection for every waiting request, created on first use.
    if (!this.events) {
      this.eventsConnection = new Redis(this.config.redisUrl, { maxRetriesPerRequest: null });
      this.events = new QueueEvents(predictJob.queue, { connection: this.eventsConnection });
    }
    return this.events;
  }

  private flush(): void {
    clearImmediate(this.scheduled);
    this.scheduled = undefined;
    const batch = this.pending.splice(0, MAX_ITEMS_PER_JOB);
    if (batch.length === 0) return;
    this.inFlight += 1;
    this.run(batch)
      .catch((error: unknown) => batch.forEach((waiting) => waiting.reject(error)))
      .finally(() => {
        this.inFlight -= 1;
        this.schedule();
      });
  }

  private async run(batch: Waiting[]): Promise<void> {
    const events = this.queueEvents();
    let result: PredictResult;
    try {
      await events.waitUntilReady();
      const job = await this.producer.enqueue('predict', { items: batch.map((waiting) => waiting.item) });
      result = (await job.waitUntilFinished(events, PREDICTION_TIMEOUT_MS)) as PredictResult;
    } catch {
      // Redis away, no worker, a worker too slow or a job that failed: all the same to the caller.
      throw PredictionErrors.unavailable('no prediction came back in time; retry later');
    }
    batch.forEach((waiting, index) => {
      const output = result.outputs[index];
      if (output) waiting.resolve({ output, modelVersions: result.modelVersions });
      else waiting.reject(PredictionErrors.unavailable('the inference service returned too few outputs'));
    });
  }
}
