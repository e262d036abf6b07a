import { z } from 'zod';
import { defineJob, type PayloadOf, type ResultOf } from '../job-contract';
import { QUEUE_NAMES } from '../queue-names';

const isoInstant = z.string().datetime({ offset: true });

// An alert raised inside the suite, shaped like one alert of Alertmanager's v4 webhook, for the
// notifier to deliver by email or Slack. Fields may be added (optional); never renamed or removed.
const raiseAlertPayload = z
  .object({
    alertname: z.string().min(1).max(200),
    severity: z.enum(['critical', 'warning', 'info']),
    status: z.enum(['firing', 'resolved']),
    labels: z.record(z.string(), z.string()),
    annotations: z.object({ summary: z.string().min(1), description: z.string() }),
    startsAt: isoInstant,
    endsAt: isoInstant.optional(),
    // Identifies the alert across notifications, as Alertmanager's fingerprint does (hex).
    fingerprint: z.string().regex(/^[0-9a-f]{16,64}$/, 'expected 16 to 64 lowercase hex characters'),
    // The service that raised it: 'api' | 'inference' | 'notifier'...
    source: z.string().min(1).max(100),
  })
  .superRefine((alert, context) => {
    if (alert.status === 'resolved' && alert.endsAt === undefined) {
      context.addIssue({ code: z.ZodIssueCode.custom, path: ['endsAt'], message: 'a resolved alert needs endsAt' });
    }
    if (alert.endsAt !== undefined && Date.parse(alert.endsAt) < Date.parse(alert.startsAt)) {
      context.addIssue({ code: z.ZodIssueCode.custom, path: ['endsAt'], message: 'endsAt is before startsAt' });
    }
  });

const raiseAlertResult = z.object({
  deliveredTo: z.array(z.enum(['email', 'slack'])),
});

// WARNING: the job name is stored with every job in Redis. Never rename it; a breaking payload
// change is a new job name, and this one stays handled until its queue drains.
export const raiseAlertJob = defineJob({
  queue: QUEUE_NAMES.alerts,
  name: 'raise-alert',
  payload: raiseAlertPayload,
  result: raiseAlertResult,
  defaults: {
    // 5 s doubling to about 10 min over 8 attempts: rides out an SMTP or Slack outage.
    attempts: 8,
    backoff: { type: 'exponential', delay: 5_000, jitter: 0.5 },
    removeOnComplete: { age: 24 * 3600, count: 1_000 },
    removeOnFail: { age: 7 * 24 * 3600, count: 5_000 },
  },
  // One delivery per alert state change: a re-sent firing (or resolved) notice is dropped for the
  // 24 h a completed job is kept. Epoch milliseconds, because BullMQ ids must not contain ':'.
  jobId: (alert) => `${alert.fingerprint}-${alert.status}-${Date.parse(alert.startsAt)}`,
});

export type RaiseAlertPayload = PayloadOf<typeof raiseAlertJob>;
export type RaiseAlertResult = ResultOf<typeof raiseAlertJob>;
