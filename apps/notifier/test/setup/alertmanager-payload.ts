import { createHash } from 'node:crypto';

export interface PayloadOptions {
  alertname?: string;
  service?: string;
  severity?: 'critical' | 'warning';
  status?: 'firing' | 'resolved';
  alerts?: number;
  startsAt?: string;
  truncatedAlerts?: number;
}

export function fingerprintOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

// A webhook body shaped exactly like Alertmanager's (version 4), one group of `alerts` alerts.
export function alertmanagerPayload(options: PayloadOptions = {}): Record<string, unknown> {
  const alertname = options.alertname ?? 'HighErrorRate';
  const service = options.service ?? 'api';
  const severity = options.severity ?? 'critical';
  const status = options.status ?? 'firing';
  const startsAt = options.startsAt ?? '2026-11-28T21:14:09.356Z';
  const endsAt = status === 'resolved' ? '2026-11-28T22:00:00Z' : '0001-01-01T00:00:00Z';
  const common = { alertname, service, severity, system: 'qbm' };
  const alerts = Array.from({ length: options.alerts ?? 1 }, (_, index) => {
    const instance = `${service}-${index + 1}:3000`;
    return {
      status,
      labels: { ...common, instance },
      annotations: {
        summary: `${alertname} on ${instance}`,
        description: `${service} ${instance} returns 5xx for 3.2% of requests`,
        runbook_url: `deploy/runbooks.md#${alertname.toLowerCase()}`,
      },
      startsAt,
      endsAt,
      generatorURL: 'http://prometheus:9090/graph?g0.expr=up',
      fingerprint: fingerprintOf(`${alertname}/${service}/${instance}`),
    };
  });
  return {
    receiver: `qbm-${severity}`,
    status,
    alerts,
    groupLabels: { alertname, service },
    commonLabels: alerts.length > 1 ? common : { ...common, instance: `${service}-1:3000` },
    commonAnnotations: alerts.length > 1 ? {} : alerts[0]?.annotations,
    externalURL: 'http://alertmanager:9093',
    version: '4',
    groupKey: `{}/{severity="${severity}"}:{alertname="${alertname}", service="${service}"}`,
    truncatedAlerts: options.truncatedAlerts ?? 0,
  };
}
