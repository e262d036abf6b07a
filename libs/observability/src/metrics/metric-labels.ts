// Label vocabularies that are known up front: their series are created at zero so rate() and
// absent() behave from the first scrape.
export const CACHE_TYPES = ['objectives', 'metrics', 'okrs', 'predictions'] as const;
export const CACHE_OPERATIONS = ['get', 'set', 'delete'] as const;
export const DB_OPERATIONS = ['select', 'insert', 'update', 'delete', 'other'] as const;
export const PREDICTION_STATUSES = ['success', 'error'] as const;
export const QUEUE_JOB_STATES = ['waiting', 'active', 'delayed', 'completed', 'failed', 'paused'] as const;
export const QUEUE_JOB_RESULTS = ['completed', 'failed'] as const;

export type DbOperation = (typeof DB_OPERATIONS)[number];
export type QueueJobState = (typeof QUEUE_JOB_STATES)[number];
export type QueueJobResult = (typeof QUEUE_JOB_RESULTS)[number];
export type PredictionStatus = (typeof PREDICTION_STATUSES)[number];
