import type { Alert, AlertGroup } from '../../alerts/domain/alert-group';
import { groupSeverity, groupTitle } from '../../alerts/domain/group-severity';
import type { MessageAlert, NotificationMessage } from './notification-message';

export interface MessageOptions {
  maxAlerts: number;
  // Prefix for relative links (runbook_url is a path in the repository).
  linkBaseUrl?: string;
}

function absolute(url: string | undefined, base: string | undefined): string | undefined {
  if (!url) return undefined;
  if (/^https?:\/\//i.test(url) || !base) return url;
  return `${base.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`;
}

function messageAlert(alert: Alert, group: AlertGroup, options: MessageOptions): MessageAlert {
  const distinguishing = Object.fromEntries(
    Object.entries(alert.labels).filter(([label]) => group.commonLabels[label] === undefined),
  );
  return {
    name: alert.labels.alertname ?? groupTitle(group),
    status: alert.status,
    severity: groupSeverity({ alerts: [alert], receiver: group.receiver }),
    summary: alert.annotations.summary ?? group.commonAnnotations.summary ?? alert.labels.alertname ?? 'alert',
    description: alert.annotations.description ?? group.commonAnnotations.description ?? '',
    distinguishing,
    startsAt: alert.startsAt,
    ...(alert.endsAt ? { endsAt: alert.endsAt } : {}),
    ...optional('runbookUrl', absolute(alert.annotations.runbook_url, options.linkBaseUrl)),
    ...optional('generatorUrl', alert.generatorUrl),
  };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

// Firing alerts first (they need action), then the order Alertmanager sent.
export function buildMessage(group: AlertGroup, options: MessageOptions): NotificationMessage {
  const ordered = [...group.alerts].sort((a, b) => Number(a.status === 'resolved') - Number(b.status === 'resolved'));
  const shown = ordered.slice(0, options.maxAlerts);
  const firing = group.alerts.filter((alert) => alert.status === 'firing').length;
  const title = groupTitle(group);
  const headline =
    group.status === 'firing' ? `[FIRING:${firing + group.truncatedAlerts}] ${title}` : `[RESOLVED] ${title}`;
  return {
    source: group.source,
    status: group.status,
    severity: groupSeverity(group),
    title,
    headline,
    summary: group.commonAnnotations.summary ?? shown[0]?.annotations.summary ?? title,
    groupLabels: group.groupLabels,
    alerts: shown.map((alert) => messageAlert(alert, group, options)),
    moreCount: group.alerts.length - shown.length + group.truncatedAlerts,
    ...optional('externalUrl', group.externalUrl),
  };
}
