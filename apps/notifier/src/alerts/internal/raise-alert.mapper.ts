import type { RaiseAlertPayload } from '@qbm/contracts';
import type { AlertGroup } from '../domain/alert-group';

// An internal alert is a group of one, keyed by its source and fingerprint, so its firing and its
// resolution share a group and repeats are suppressed like Alertmanager's.
export function alertGroupFromRaiseAlert(alert: RaiseAlertPayload): AlertGroup {
  const labels = { ...alert.labels, alertname: alert.alertname, severity: alert.severity, source: alert.source };
  const annotations = { summary: alert.annotations.summary, description: alert.annotations.description };
  return {
    source: 'internal',
    receiver: `internal-${alert.severity}`,
    groupKey: `internal:${alert.source}:${alert.fingerprint}`,
    status: alert.status,
    groupLabels: { alertname: alert.alertname },
    commonLabels: labels,
    commonAnnotations: annotations,
    truncatedAlerts: 0,
    alerts: [
      {
        status: alert.status,
        labels,
        annotations,
        startsAt: alert.startsAt,
        ...(alert.endsAt ? { endsAt: alert.endsAt } : {}),
        fingerprint: alert.fingerprint,
      },
    ],
  };
}
