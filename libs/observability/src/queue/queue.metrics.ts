import { Injectable } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import { CardinalityGuard } from '../metrics/cardinality-guard';
import type { CatalogueMetric } from '../metrics/metric-catalogue';
import { QUEUE_JOB_RESULTS, QUEUE_JOB_STATES } from '../metrics/metric-labels';

@Injectable()
export class QueueMetrics {
  constructor(
    @InjectMetric('queue_jobs') readonly queueJobs: CatalogueMetric<'queue_jobs'>,
    @InjectMetric('queue_jobs_processed_total')
    readonly queueJobsProcessedTotal: CatalogueMetric<'queue_jobs_processed_total'>,
    @InjectMetric('queue_job_duration_seconds')
    readonly queueJobDuration: CatalogueMetric<'queue_job_duration_seconds'>,
    @InjectMetric('queue_worker_last_active_timestamp_seconds')
    readonly queueWorkerLastActive: CatalogueMetric<'queue_worker_last_active_timestamp_seconds'>,
    @InjectMetric('queue_worker_restarts_total')
    readonly queueWorkerRestartsTotal: CatalogueMetric<'queue_worker_restarts_total'>,
    guard: CardinalityGuard,
  ) {
    guard.bound(queueJobs);
    guard.bound(queueJobsProcessedTotal);
    guard.bound(queueJobDuration);
    guard.bound(queueWorkerLastActive);
    guard.bound(queueWorkerRestartsTotal);
  }

  // Creates a queue's zero series, so its failure ratio and restarts exist before the first event.
  seedQueue(queue: string, jobNames: readonly string[]): void {
    for (const state of QUEUE_JOB_STATES) this.queueJobs.set({ queue, state }, 0);
    this.queueWorkerRestartsTotal.inc({ queue }, 0);
    for (const job_name of jobNames) {
      for (const result of QUEUE_JOB_RESULTS) this.queueJobsProcessedTotal.inc({ queue, job_name, result }, 0);
      this.queueJobDuration.zero({ queue, job_name });
    }
  }
}
