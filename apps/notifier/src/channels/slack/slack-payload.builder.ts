import type { IncomingWebhookSendArguments } from '@slack/webhook';
import { formatInstant, labelList, moreLine } from '../message/message-format';
import type { MessageAlert, NotificationMessage } from '../message/notification-message';

// Slack's attachment colours, as the guide uses them: danger for critical, warning otherwise, good when resolved.
export function attachmentColour(alert: Pick<MessageAlert, 'status' | 'severity'>): 'danger' | 'warning' | 'good' {
  if (alert.status === 'resolved') return 'good';
  return alert.severity === 'critical' ? 'danger' : 'warning';
}

function attachment(alert: MessageAlert): NonNullable<IncomingWebhookSendArguments['attachments']>[number] {
  const fields = [
    { title: 'Alert', value: alert.name, short: true },
    { title: 'Severity', value: alert.severity, short: true },
  ];
  if (Object.keys(alert.distinguishing).length > 0) {
    fields.push({ title: 'Labels', value: labelList(alert.distinguishing), short: false });
  }
  if (alert.description) fields.push({ title: 'Description', value: alert.description, short: false });
  fields.push({
    title: alert.status === 'resolved' ? 'Resolved' : 'Since',
    value: formatInstant(alert.endsAt ?? alert.startsAt),
    short: true,
  });
  return {
    color: attachmentColour(alert),
    fallback: `${alert.status === 'resolved' ? 'RESOLVED' : alert.severity.toUpperCase()}: ${alert.summary}`,
    title: alert.summary,
    ...(alert.runbookUrl ? { title_link: alert.runbookUrl } : {}),
    fields,
  };
}

// One message per group: the headline as text, one attachment per listed alert, "+N more" last.
export function buildSlackPayload(message: NotificationMessage): IncomingWebhookSendArguments {
  const icon = message.status === 'resolved' ? '✅' : '🚨';
  const attachments = message.alerts.map(attachment);
  const more = moreLine(message);
  if (more) attachments.push({ color: attachmentColour(message), fallback: more, text: more });
  return { text: `${icon} QBM AI System Alert: ${message.headline}`, attachments };
}
