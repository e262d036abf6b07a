import { z } from 'zod';
import { defineJob, type PayloadOf, type ResultOf } from '../job-contract';
import { QUEUE_NAMES } from '../queue-names';

// One message to one destination (a Slack webhook, a list of mail recipients), already stored by
// the notifier in its outbox; the job only names it. Fields may be added (optional); never renamed.
const deliverNotificationPayload = z.object({
  notificationId: z.string().uuid(),
});

const deliverNotificationResult = z.object({
  // `skipped`: the row was already delivered (a replay after a crash) or is no longer pending.
  outcome: z.enum(['delivered', 'skipped']),
});

// WARNING: the job name is stored with every job in Redis. Never rename it; a breaking payload
// change is a new job name, and this one stays handled until its queue drains.
export const deliverNotificationJob = defineJob({
  queue: QUEUE_NAMES.notifications,
  name: 'deliver-notification',
  payload: deliverNotificationPayload,
  result: deliverNotificationResult,
  defaults: {
    // 15 s doubling (less up to half, so one outage's retries spread out) over 10 attempts: about
    // two hours of SMTP or Slack outage ridden out before the message is dead-lettered.
    attempts: 10,
    backoff: { type: 'exponential', delay: 15_000, jitter: 0.5 },
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    // Dead letters stay until `notifications requeue` replays them or a month has passed.
    removeOnFail: { age: 30 * 24 * 3600, count: 10_000 },
  },
  // The outbox row's id: enqueueing it again (boot recovery, a retried request) adds nothing.
  jobId: (payload) => payload.notificationId,
});

export type DeliverNotificationPayload = PayloadOf<typeof deliverNotificationJob>;
export type DeliverNotificationResult = ResultOf<typeof deliverNotificationJob>;
