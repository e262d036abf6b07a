// One notification's worth of alerts, whatever raised them: an Alertmanager group (webhook v4) or
// an internal alert from the `alerts` queue. Stored as the batch's payload in the outbox.
export const ALERT_STATUSES = ['firing', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export const SEVERITIES = ['critical', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const ALERT_SOURCES = ['alertmanager', 'internal'] as const;
export type AlertSource = (typeof ALERT_SOURCES)[number];

export interface Alert {
  status: AlertStatus;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  // Absent while firing (Alertmanager sends the zero time then).
  endsAt?: string;
  fingerprint: string;
  generatorUrl?: string;
}

export interface AlertGroup {
  source: AlertSource;
  receiver: string;
  // Alertmanager's groupKey; internal alerts make one from their source and fingerprint.
  groupKey: string;
  status: AlertStatus;
  groupLabels: Record<string, string>;
  commonLabels: Record<string, string>;
  commonAnnotations: Record<string, string>;
  externalUrl?: string;
  alerts: Alert[];
  // Alerts Alertmanager left out of the payload (webhook max_alerts); counted in "+N more".
  truncatedAlerts: number;
}
