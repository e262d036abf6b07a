export { QUEUE_NAMES, type QueueName } from './queues/queue-names';
export {
  defineJob,
  type AnyJobContract,
  type JobContract,
  type JobDefaults,
  type PayloadInputOf,
  type PayloadOf,
  type ResultOf,
} from './queues/job-contract';
export {
  JOB_CATALOGUE,
  type JobCatalogue,
  type JobContractOf,
  type JobName,
  type JobPayload,
  type JobPayloadInput,
  type JobResult,
} from './queues/job-catalogue';
export { raiseAlertJob, type RaiseAlertPayload, type RaiseAlertResult } from './queues/alerts/raise-alert.job';
export {
  deliverNotificationJob,
  type DeliverNotificationPayload,
  type DeliverNotificationResult,
} from './queues/notifications/deliver-notification.job';
export {
  MODEL_NAMES,
  predictJob,
  type PredictionItem,
  type PredictionModelName,
  type PredictionOutput,
  type PredictPayload,
  type PredictResult,
} from './queues/predictions/predict.job';
export {
  manageModelJob,
  type ManageModelPayload,
  type ManageModelResult,
} from './queues/model-lifecycle/manage-model.job';
export { LIVE_MODEL_VERSIONS_KEY } from './queues/predictions/live-model-versions';
