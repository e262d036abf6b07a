import type { AlertGroup, Severity } from './alert-group';

const RANK: Record<Severity, number> = { critical: 3, warning: 2, info: 1 };

function asSeverity(value: string | undefined): Severity | undefined {
  return value === 'critical' || value === 'warning' || value === 'info' ? value : undefined;
}

// The most severe of the group's alerts; else what the receiver's name says (qbm-critical,
// qbm-warning); else warning, so an unlabelled alert is still seen.
export function groupSeverity(group: Pick<AlertGroup, 'alerts' | 'receiver'>): Severity {
  let best: Severity | undefined;
  for (const alert of group.alerts) {
    const severity = asSeverity(alert.labels.severity);
    if (severity && (!best || RANK[severity] > RANK[best])) best = severity;
  }
  return best ?? asSeverity(/(critical|warning|info)$/.exec(group.receiver)?.[1]) ?? 'warning';
}

// What the group is called in a subject line and in the history's filters.
export function groupTitle(group: Pick<AlertGroup, 'commonLabels' | 'groupLabels' | 'alerts'>): string {
  const names = new Set(group.alerts.map((alert) => alert.labels.alertname).filter(Boolean));
  return (
    group.commonLabels.alertname ?? group.groupLabels.alertname ?? (names.size > 0 ? [...names].join(', ') : 'alert')
  );
}
