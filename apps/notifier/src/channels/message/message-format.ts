import type { NotificationMessage } from './notification-message';

// "2026-11-28 21:14:09 UTC": readable in every mail client and in Slack, whatever the reader's zone.
export function formatInstant(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

export function labelList(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([name, value]) => `${name}=${value}`)
    .join(', ');
}

export function moreLine(message: Pick<NotificationMessage, 'moreCount'>): string | undefined {
  return message.moreCount > 0 ? `+${message.moreCount} more` : undefined;
}

// Subject line, after the guide's "QBM AI System Alert: <alertname>", with the state and count first.
export function emailSubject(message: NotificationMessage): string {
  const state = message.headline.slice(0, message.headline.indexOf(']') + 1);
  return `${state} QBM AI System Alert: ${message.title} (${message.severity})`;
}
