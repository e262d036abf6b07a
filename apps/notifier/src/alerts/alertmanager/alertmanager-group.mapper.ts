import type { AlertGroup } from '../domain/alert-group';
import type { AlertmanagerWebhook } from './alertmanager-webhook.schema';

// Alertmanager writes the zero time for "not ended"; any instant before 1971 means the same.
function endedAt(endsAt: string): string | undefined {
  return Date.parse(endsAt) > Date.UTC(1971, 0, 1) ? endsAt : undefined;
}

export function alertGroupFromWebhook(webhook: AlertmanagerWebhook): AlertGroup {
  return {
    source: 'alertmanager',
    receiver: webhook.receiver,
    groupKey: webhook.groupKey,
    status: webhook.status,
    groupLabels: webhook.groupLabels,
    commonLabels: webhook.commonLabels,
    commonAnnotations: webhook.commonAnnotations,
    ...(webhook.externalURL ? { externalUrl: webhook.externalURL } : {}),
    truncatedAlerts: webhook.truncatedAlerts,
    alerts: webhook.alerts.map((alert) => {
      const endsAt = alert.status === 'resolved' ? endedAt(alert.endsAt) : undefined;
      return {
        status: alert.status,
        labels: alert.labels,
        annotations: alert.annotations,
        startsAt: alert.startsAt,
        ...(endsAt ? { endsAt } : {}),
        fingerprint: alert.fingerprint,
        ...(alert.generatorURL ? { generatorUrl: alert.generatorURL } : {}),
      };
    }),
  };
}
