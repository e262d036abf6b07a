import { z } from 'zod';

const labels = z.record(z.string().max(1024), z.string().max(16_384));
const instant = z.string().datetime({ offset: true });

// Alertmanager's webhook payload, version 4 (https://prometheus.io/docs/alerting/latest/configuration/#webhook_config).
// Fields Alertmanager may add later pass through unread; the ones used here must be present and well-formed.
export const alertmanagerWebhookSchema = z.object({
  version: z.literal('4'),
  groupKey: z.string().min(1).max(4096),
  truncatedAlerts: z.number().int().min(0).default(0),
  status: z.enum(['firing', 'resolved']),
  receiver: z.string().min(1).max(256),
  groupLabels: labels,
  commonLabels: labels,
  commonAnnotations: labels,
  externalURL: z.string().max(2048).default(''),
  alerts: z
    .array(
      z.object({
        status: z.enum(['firing', 'resolved']),
        labels,
        annotations: labels,
        startsAt: instant,
        // The zero time (0001-01-01T00:00:00Z) while the alert fires.
        endsAt: instant,
        generatorURL: z.string().max(4096).default(''),
        fingerprint: z.string().regex(/^[0-9a-f]{1,64}$/, 'expected lowercase hex'),
      }),
    )
    .min(1)
    .max(1000),
});

export type AlertmanagerWebhook = z.output<typeof alertmanagerWebhookSchema>;
