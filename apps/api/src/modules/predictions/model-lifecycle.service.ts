import { Injectable } from '@nestjs/common';
import { MODEL_NAMES, manageModelJob, type ManageModelPayload, type PredictionModelName } from '@qbm/contracts';
import { DomainError, type Principal, roleAtLeast } from '@qbm/http';
import { JobProducer, QueueRegistry } from '@qbm/queues';
import { PredictionErrors } from './predictions.errors';

// Distributes over the union, so each action keeps its own fields.
type Action = ManageModelPayload extends infer P
  ? P extends ManageModelPayload
    ? Omit<P, 'model' | 'requestedBy'>
    : never
  : never;

// POST /models/{name}/train|promote|rollback (admin): the inference service runs them as a job on
// the `model-lifecycle` queue (the API never loads a model); GET /models/{name}/jobs/{jobId} polls it.
@Injectable()
export class ModelLifecycleService {
  constructor(
    private readonly producer: JobProducer,
    private readonly queues: QueueRegistry,
  ) {}

  train(p: Principal, name: string, seed?: number, promote = false) {
    return this.submit(p, name, { action: 'train', seed: seed ?? Date.now() % 2_147_483_647, promote });
  }

  promote(p: Principal, name: string, version?: string) {
    return this.submit(p, name, { action: 'promote', ...(version ? { version } : {}) });
  }

  rollback(p: Principal, name: string) {
    return this.submit(p, name, { action: 'rollback' });
  }

  async poll(p: Principal, name: string, jobId: string) {
    const model = this.authorize(p, name);
    const queue = this.queues.get(manageModelJob.queue);
    const unavailable = () => {
      throw PredictionErrors.unavailable('the model-lifecycle queue is unavailable; retry later');
    };
    const state = await queue.getJobState(jobId).catch(unavailable);
    const job = await queue.getJob(jobId).catch(unavailable);
    const payload = job?.data as { model?: string } | undefined;
    if (state === 'unknown' || job?.name !== manageModelJob.name || payload?.model !== model) {
      throw PredictionErrors.batchNotFound(jobId);
    }
    return {
      jobId,
      state,
      ...(state === 'completed' ? { result: manageModelJob.result.parse(job.returnvalue) } : {}),
      ...(state === 'failed' ? { failedReason: job.failedReason } : {}),
    };
  }

  private async submit(p: Principal, name: string, action: Action) {
    const model = this.authorize(p, name);
    const payload = {
      ...action,
      model,
      requestedBy: `${p.organizationId}/${p.subject}`.slice(0, 200),
    };
    const job = await this.producer.enqueue('manage-model', payload).catch(() => {
      throw PredictionErrors.unavailable('the model-lifecycle queue is unavailable; retry later');
    });
    return { jobId: job.id as string, model, action: action.action };
  }

  private authorize(p: Principal, name: string): PredictionModelName {
    if (!roleAtLeast(p.role, 'admin')) {
      throw new DomainError('AUTH.ROLE_INSUFFICIENT', 'forbidden', 'This action needs the admin role');
    }
    if (!(MODEL_NAMES as readonly string[]).includes(name)) throw PredictionErrors.modelNotFound(name);
    return name as PredictionModelName;
  }
}
