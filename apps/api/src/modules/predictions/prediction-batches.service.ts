import { Injectable } from '@nestjs/common';
import { JOB_CATALOGUE, predictJob } from '@qbm/contracts';
import { JobProducer, QueueRegistry } from '@qbm/queues';
import { PredictionErrors } from './predictions.errors';

// POST /predictions/batch: thousands of caller-built items in one job, answered with the job id;
// GET polls it. Batch results are not cached (each batch is its own input).
@Injectable()
export class PredictionBatchesService {
  constructor(
    private readonly producer: JobProducer,
    private readonly queues: QueueRegistry,
  ) {}

  async submit(body: unknown): Promise<{ jobId: string; items: number }> {
    // Strict at the edge (the document closes the body); the worker's own parse stays lenient.
    const parsed = JOB_CATALOGUE.predict.payload.strict().safeParse(body);
    if (!parsed.success) throw PredictionErrors.invalidBatch(parsed.error.issues);
    const job = await this.producer.enqueue('predict', parsed.data).catch(() => {
      throw PredictionErrors.unavailable('the prediction queue is unavailable; retry later');
    });
    return { jobId: job.id as string, items: parsed.data.items.length };
  }

  async poll(jobId: string) {
    const queue = this.queues.get(predictJob.queue);
    const unavailable = () => {
      throw PredictionErrors.unavailable('the prediction queue is unavailable; retry later');
    };
    // The state first: a job read before it completes has no return value yet, read after it does.
    const state = await queue.getJobState(jobId).catch(unavailable);
    const job = await queue.getJob(jobId).catch(unavailable);
    if (state === 'unknown' || job?.name !== predictJob.name) throw PredictionErrors.batchNotFound(jobId);
    return {
      jobId,
      state,
      ...(state === 'completed' ? { result: predictJob.result.parse(job.returnvalue) } : {}),
      ...(state === 'failed' ? { failedReason: job.failedReason } : {}),
    };
  }
}
