// pending: waiting for (another) delivery attempt; delivered: the channel accepted it;
// suppressed: a repeat within the dedupe window, never sent; dead: the last attempt failed, or
// the failure was permanent. `notifications requeue` turns dead back into pending.
export const NOTIFICATION_STATES = ['pending', 'delivered', 'suppressed', 'dead'] as const;
export type NotificationState = (typeof NOTIFICATION_STATES)[number];

// rate_limited: the destination answered 429; the message waited as told, no attempt used up.
export const ATTEMPT_RESULTS = ['delivered', 'failed', 'rate_limited'] as const;
export type AttemptResult = (typeof ATTEMPT_RESULTS)[number];
