import type { Alert, AlertGroup } from '../../alerts/domain/alert-group';
import { renderEmailHtml } from '../email/email-html.template';
import { buildSlackPayload } from '../slack/slack-payload.builder';
import { buildMessage } from './notification-message.builder';

const alert = (instance: string, status: Alert['status'] = 'firing'): Alert => ({
  status,
  labels: { alertname: 'HighErrorRate', severity: 'critical', instance },
  annotations: { summary: `errors on ${instance}`, runbook_url: 'deploy/runbooks.md#higherrorrate' },
  startsAt: '2026-11-28T21:14:09Z',
  fingerprint: instance.replace(/\W/g, ''),
});

function group(alerts: Alert[], truncatedAlerts = 0): AlertGroup {
  return {
    source: 'alertmanager',
    receiver: 'qbm-critical',
    groupKey: 'k',
    status: 'firing',
    groupLabels: { alertname: 'HighErrorRate' },
    commonLabels: { alertname: 'HighErrorRate', severity: 'critical' },
    commonAnnotations: {},
    truncatedAlerts,
    alerts,
  };
}

describe('buildMessage', () => {
  it('lists firing alerts first, up to the limit, and counts the rest and the truncated as "+N more"', () => {
    const message = buildMessage(group([alert('a', 'resolved'), alert('b'), alert('c'), alert('d')], 10), {
      maxAlerts: 2,
    });
    expect(message.headline).toBe('[FIRING:13] HighErrorRate');
    expect(message.alerts.map((a) => a.distinguishing.instance)).toEqual(['b', 'c']);
    expect(message.moreCount).toBe(12);
    expect(buildSlackPayload(message).attachments?.at(-1)?.text).toBe('+12 more');
  });

  it('makes relative runbook links absolute when a base is configured', () => {
    expect(buildMessage(group([alert('a')]), { maxAlerts: 5 }).alerts[0]?.runbookUrl).toBe(
      'deploy/runbooks.md#higherrorrate',
    );
    const linked = buildMessage(group([alert('a')]), { maxAlerts: 5, linkBaseUrl: 'https://git.example.test/qbm/' });
    expect(linked.alerts[0]?.runbookUrl).toBe('https://git.example.test/qbm/deploy/runbooks.md#higherrorrate');
  });

  it('escapes alert text in the HTML body', () => {
    const hostile = alert('<img src=x onerror=alert(1)>');
    const html = renderEmailHtml(buildMessage(group([hostile]), { maxAlerts: 5 }));
    expect(html).not.toContain('<img');
    expect(html).toContain('errors on &lt;img src=x onerror=alert(1)&gt;');
  });
});
