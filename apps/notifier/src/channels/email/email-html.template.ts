import { formatInstant, labelList, moreLine } from '../message/message-format';
import type { MessageAlert, NotificationMessage } from '../message/notification-message';
import { escapeHtml as e } from './html-escape';

const COLOURS = { critical: '#d72638', warning: '#f0a202', info: '#3a86ff', resolved: '#2e933c' } as const;

function colour(message: Pick<NotificationMessage, 'status' | 'severity'>): string {
  return message.status === 'resolved' ? COLOURS.resolved : COLOURS[message.severity];
}

function alertRow(alert: MessageAlert): string {
  const rows: Array<[string, string]> = [
    ['Alert', `${e(alert.name)}${alert.status === 'resolved' ? ' (resolved)' : ''}`],
    ['Severity', e(alert.severity)],
    ['Summary', e(alert.summary)],
  ];
  if (Object.keys(alert.distinguishing).length > 0) rows.push(['Labels', e(labelList(alert.distinguishing))]);
  if (alert.description) rows.push(['Description', e(alert.description)]);
  const time = `${formatInstant(alert.startsAt)}${alert.endsAt ? ` to ${formatInstant(alert.endsAt)}` : ''}`;
  rows.push(['Time', e(time)]);
  if (alert.runbookUrl) rows.push(['Runbook', `<a href="${e(alert.runbookUrl)}">${e(alert.runbookUrl)}</a>`]);
  const cells = rows
    .map(([name, value]) => `<tr><th align="left" style="padding:2px 12px 2px 0">${name}</th><td>${value}</td></tr>`)
    .join('');
  return `<table style="margin:0 0 16px;border-left:4px solid ${colour(alert)};padding-left:8px">${cells}</table>`;
}

// The HTML body: a coloured headline, one table per listed alert, and "+N more".
export function renderEmailHtml(message: NotificationMessage): string {
  const more = moreLine(message);
  const link = message.externalUrl ? `<p><a href="${e(message.externalUrl)}">Open Alertmanager</a></p>` : '';
  return [
    '<!doctype html><html><body style="font-family:Arial,Helvetica,sans-serif;font-size:14px">',
    `<h2 style="color:${colour(message)};margin:0 0 4px">${e(message.headline)}</h2>`,
    `<p style="margin:0 0 16px">${e(message.summary)}</p>`,
    ...message.alerts.map(alertRow),
    more ? `<p><strong>${e(more)}</strong></p>` : '',
    link,
    `<p style="color:#666">Grouped by ${e(labelList(message.groupLabels) || '(nothing)')}</p>`,
    '</body></html>',
  ].join('');
}
