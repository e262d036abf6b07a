// WARNING: values are persisted in Redis keys of jobs in flight. Never rename one; add a new name
// and drain the old queue instead.
export const QUEUE_NAMES = {
  predictions: 'predictions',
  alerts: 'alerts',
  notifications: 'notifications',
  modelLifecycle: 'model-lifecycle',
} as const;

export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];
