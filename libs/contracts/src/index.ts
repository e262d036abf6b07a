export { QUEUE_NAMES, type QueueName } from './queues/queue-names';
export { defineJob, type JobContract, type JobDefaults, type PayloadOf } from './queues/job-contract';
