import type { QueueJob } from './job-handler';

export interface BatchOptions {
  // A batch is handled once it holds maxSize jobs or its first job has waited maxWaitMs; with
  // maxWaitMs 0, at the end of the event-loop turn its first job arrived in (no timer: a lone job
  // waits for nothing, jobs that arrive together still share a call).
  maxSize: number;
  maxWaitMs: number;
}

export interface BatchItem<Payload> {
  payload: Payload;
  job: QueueJob;
}

// Returns one result per item, in order. A throw fails every job of the batch (each is retried alone).
export type BatchHandler<Payload, Result> = (items: ReadonlyArray<BatchItem<Payload>>) => Promise<Result[]>;

interface Pending<Payload, Result> {
  item: BatchItem<Payload>;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

// Groups jobs a worker holds concurrently into one call, e.g. one model inference for many inputs;
// each job still completes or fails on its own in BullMQ.
export class JobBatcher<Payload, Result> {
  private pending: Array<Pending<Payload, Result>> = [];
  private cancelScheduled: (() => void) | undefined;

  constructor(
    private readonly handler: BatchHandler<Payload, Result>,
    private readonly options: BatchOptions,
  ) {
    if (options.maxSize < 1) throw new Error('A batch needs maxSize >= 1');
  }

  submit(payload: Payload, job: QueueJob): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.pending.push({ item: { payload, job }, resolve, reject });
      if (this.pending.length >= this.options.maxSize) this.flush();
      else if (!this.cancelScheduled) this.cancelScheduled = this.schedule();
    });
  }

  private schedule(): () => void {
    if (this.options.maxWaitMs > 0) {
      const timer = setTimeout(() => this.flush(), this.options.maxWaitMs);
      return () => clearTimeout(timer);
    }
    const immediate = setImmediate(() => this.flush());
    return () => clearImmediate(immediate);
  }

  private flush(): void {
    this.cancelScheduled?.();
    this.cancelScheduled = undefined;
    const batch = this.pending.splice(0);
    if (batch.length === 0) return;
    // Through a promise, so a handler that throws before returning one fails the batch's jobs too
    // (from the timer, an escaped throw would end the process).
    Promise.resolve()
      .then(() => this.handler(batch.map((entry) => entry.item)))
      .then((results) => {
        if (results.length !== batch.length) {
          throw new Error(`The batch handler returned ${results.length} results for ${batch.length} jobs`);
        }
        batch.forEach((entry, index) => entry.resolve(results[index] as Result));
      })
      .catch((error: unknown) => batch.forEach((entry) => entry.reject(error)));
  }
}
