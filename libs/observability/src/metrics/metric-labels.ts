// Label vocabularies that are known up front: their series are created at zero so rate() and
// absent() behave from the first scrape. App-specific ones (cache types, notification channels)
// are declared by the app when it registers the capability.
export const CACHE_OPERATIONS = ['get', 'set', 'delete'] as const;
export const DB_OPERATIONS = ['select', 'insert', 'update', 'delete', 'other'] as const;
export const PREDICTION_STATUSES = ['success', 'error'] as const;
export const QUEUE_JOB_STATES = ['waiting', 'active', 'delayed', 'completed', 'failed', 'paused'] as const;
// `invalid`: the payload failed its job's schema; the job went straight to failed, never retried.
export const QUEUE_JOB_RESULTS = ['completed', 'failed', 'invalid'] as const;
export const NOTIFICATION_RESULTS = ['delivered', 'failed'] as const;

export type DbOperation = (typeof DB_OPERATIONS)[number];
export type QueueJobState = (typeof QUEUE_JOB_STATES)[number];
export type QueueJobResult = (typeof QUEUE_JOB_RESULTS)[number];
export type PredictionStatus = (typeof PREDICTION_STATUSES)[number];
export type NotificationResult = (typeof NOTIFICATION_RESULTS)[number];
