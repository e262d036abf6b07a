import { formatInstant, labelList, moreLine } from '../message/message-format';
import type { NotificationMessage } from '../message/notification-message';

// The plain-text body: the guide's Alert / Severity / Description / Time per alert.
export function renderEmailText(message: NotificationMessage): string {
  const lines = [message.headline, message.summary, ''];
  for (const alert of message.alerts) {
    lines.push(`Alert: ${alert.name}${alert.status === 'resolved' ? ' (resolved)' : ''}`);
    lines.push(`Severity: ${alert.severity}`);
    if (Object.keys(alert.distinguishing).length > 0) lines.push(`Labels: ${labelList(alert.distinguishing)}`);
    lines.push(`Summary: ${alert.summary}`);
    if (alert.description) lines.push(`Description: ${alert.description}`);
    lines.push(`Time: ${formatInstant(alert.startsAt)}${alert.endsAt ? ` to ${formatInstant(alert.endsAt)}` : ''}`);
    if (alert.runbookUrl) lines.push(`Runbook: ${alert.runbookUrl}`);
    lines.push('');
  }
  const more = moreLine(message);
  if (more) lines.push(more, '');
  if (message.externalUrl) lines.push(`Alertmanager: ${message.externalUrl}`);
  lines.push(`Grouped by: ${labelList(message.groupLabels) || '(nothing)'}`);
  return `${lines.join('\n').trimEnd()}\n`;
}
