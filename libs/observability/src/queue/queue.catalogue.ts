import type { MetricDefinition } from '../metrics/metric-definition';

const JOB_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 2, 5, 10, 30, 60, 300] as const;

// The job label is job_name, not job: Prometheus reserves `job` for the scrape job.
export const QUEUE_METRICS = [
  {
    name: 'queue_jobs',
    type: 'gauge',
    help: 'Jobs per queue and state',
    labels: ['queue', 'state'],
    capability: 'queue',
    readAtScrape: true,
  },
  {
    name: 'queue_jobs_processed_total',
    type: 'counter',
    help: 'Jobs finished by a worker',
    labels: ['queue', 'job_name', 'result'],
    capability: 'queue',
  },
  {
    name: 'queue_job_duration_seconds',
    type: 'histogram',
    help: 'Job processing duration',
    labels: ['queue', 'job_name'],
    buckets: JOB_BUCKETS,
    capability: 'queue',
  },
  {
    name: 'queue_worker_last_active_timestamp_seconds',
    type: 'gauge',
    help: 'Unix time a worker of the queue last finished a job or was seen keeping up',
    labels: ['queue'],
    capability: 'queue',
  },
  {
    name: 'queue_worker_restarts_total',
    type: 'counter',
    help: 'Workers restarted because they stopped taking jobs',
    labels: ['queue'],
    capability: 'queue',
  },
] as const satisfies readonly MetricDefinition[];
