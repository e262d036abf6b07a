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
    const parsed = JOB_CATALOGUE.predict.payload.safeParse(body);
    if (!parsed.success) throw PredictionErrors.invalidBatch(parsed.error.issues);
    const job = await this.producer.enqueue('predict', parsed.data).catch(() => {
      throw PredictionErrors.unavailable('the prediction queue is unavailable; retry later');
    });
    return { jobId: job.id as string, items: parsed.data.items.length };
  }

  async poll(jobId: string) {
    const job = await this.queues
      .get(predictJob.queue)
      .getJob(jobId)
      .catch(() => {
        throw PredictionErrors.unavailable('the prediction queue is unavailable; retry later');
      });
    if (job?.name !== predictJob.name) throw PredictionErrors.batchNotFound(jobId);
    const state = await job.getState();
    return {
      jobId,
      state,
      ...(state === 'completed' ? { result: predictJob.result.parse(job.returnvalue) } : {}),
      ...(state === 'failed' ? { failedReason: job.failedReason } : {}),
    };
  }
}
