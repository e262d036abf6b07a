import { alertmanagerPayload } from '../setup/alertmanager-payload';
import { writeRoutingFile } from '../setup/routing-file';
import { SlackStandIn, SmtpSink, waitFor } from '@qbm/testing';
import { resetState, startTestNotifier, TEST_EMAIL_TO, type TestNotifier } from '../setup/test-notifier';

interface ErrorBody {
  code: string;
  details: Array<{ field: string }>;
}

describe('Alertmanager webhook to Slack and email', () => {
  let slack: SlackStandIn;
  let smtp: SmtpSink;
  let notifier: TestNotifier;

  beforeAll(async () => {
    slack = await SlackStandIn.start();
    smtp = await SmtpSink.start();
    await resetState();
    notifier = await startTestNotifier({
      SMTP_PORT: String(smtp.port),
      NOTIFIER_ROUTING_FILE: writeRoutingFile({ slackUrl: slack.url() }),
      NOTIFIER_LINK_BASE_URL: 'https://git.example.test/qbm/blob/main',
    });
  });
  afterAll(async () => {
    await notifier?.close();
    await slack.stop();
    await smtp.stop();
  });

  it('refuses a missing or wrong webhook token with a coded 401 and stores nothing', async () => {
    const missing = await fetch(`${notifier.url}/api/v1/alerts/alertmanager`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(alertmanagerPayload()),
    });
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as ErrorBody).code).toBe('AUTH.TOKEN_MISSING');
    const wrong = await notifier.post(alertmanagerPayload(), 'not-the-webhook-token-at-all');
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as ErrorBody).code).toBe('AUTH.TOKEN_INVALID');
    expect(await notifier.states()).toEqual({});
  });

  it('answers a malformed payload with VALIDATION.FAILED naming each bad field', async () => {
    const payload = { ...alertmanagerPayload(), version: '3', status: 'burning', alerts: [] };
    const response = await notifier.post(payload);
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.code).toBe('VALIDATION.FAILED');
    expect(body.details.map((d) => d.field).sort()).toEqual(['alerts', 'status', 'version']);
    const notJson = await fetch(`${notifier.url}/api/v1/alerts/alertmanager`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer test-webhook-token-0123456789' },
      body: '{"version":',
    });
    expect(notJson.status).toBe(400);
    expect(await notifier.states()).toEqual({});
  });

  it('delivers a firing critical group as one Slack message and one email, with "+N more"', async () => {
    const response = await notifier.post(alertmanagerPayload({ alerts: 5 }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'accepted', duplicate: false, notifications: 2 });

    const [post] = await waitFor(() => slack.delivered().length === 1 && slack.delivered(), {
      what: 'the Slack message',
      timeoutMs: 30_000,
    });
    expect(post?.body.text).toBe('🚨 QBM AI System Alert: [FIRING:5] HighErrorRate');
    const attachments = post?.body.attachments ?? [];
    expect(attachments.map((a) => a.color)).toEqual(['danger', 'danger', 'danger', 'danger']);
    expect(attachments[0]?.fields?.map((f) => f.title)).toEqual([
      'Alert',
      'Severity',
      'Labels',
      'Description',
      'Since',
    ]);
    expect(attachments[0]?.fields?.[2]?.value).toBe('instance=api-1:3000');
    expect(attachments[3]?.text).toBe('+2 more');

    const [mail] = await waitFor(() => smtp.received.length === 1 && smtp.received, {
      what: 'the email',
      timeoutMs: 30_000,
    });
    expect(mail?.to).toEqual([TEST_EMAIL_TO]);
    expect(mail?.mail.subject).toBe('[FIRING:5] QBM AI System Alert: HighErrorRate (critical)');
    const text = mail?.mail.text ?? '';
    expect(text).toContain('Alert: HighErrorRate\nSeverity: critical\nLabels: instance=api-1:3000');
    expect(text).toContain('Time: 2026-11-28 21:14:09 UTC');
    expect(text).toContain('Runbook: https://git.example.test/qbm/blob/main/deploy/runbooks.md#higherrorrate');
    expect(text).toContain('+2 more');
    expect(text.match(/^Alert: /gm)).toHaveLength(3);
    const html = typeof mail?.mail.html === 'string' ? mail.mail.html : '';
    expect(html).toContain('[FIRING:5] HighErrorRate</h2>');
    expect(html).toContain('<strong>+2 more</strong>');
    expect(html).toContain('href="https://git.example.test/qbm/blob/main/deploy/runbooks.md#higherrorrate"');
    expect(mail?.mail.headers.get('x-qbm-alert-severity')).toBe('critical');

    await waitFor(async () => (await notifier.states()).delivered === 2, {
      what: 'both notifications delivered',
      timeoutMs: 30_000,
    });
  });

  it('sends the resolution in green, and a warning group to Slack only', async () => {
    slack.posts.length = 0;
    smtp.received.length = 0;
    expect((await notifier.post(alertmanagerPayload({ alerts: 2, status: 'resolved' }))).status).toBe(200);
    expect(
      (await notifier.post(alertmanagerPayload({ alertname: 'HighResponseTime', severity: 'warning' }))).status,
    ).toBe(200);
    const posts = await waitFor(() => slack.delivered().length === 2 && slack.delivered(), {
      what: 'two Slack messages',
      timeoutMs: 30_000,
    });
    const byText = Object.fromEntries(
      posts.map((post) => [post.body.text, post.body.attachments?.map((a) => a.color)]),
    );
    expect(byText).toEqual({
      '✅ QBM AI System Alert: [RESOLVED] HighErrorRate': ['good', 'good'],
      '🚨 QBM AI System Alert: [FIRING:1] HighResponseTime': ['warning'],
    });
    const [mail] = await waitFor(() => smtp.received.length === 1 && smtp.received, {
      what: 'the resolution email',
      timeoutMs: 30_000,
    });
    expect(mail?.mail.subject).toBe('[RESOLVED] QBM AI System Alert: HighErrorRate (critical)');
    expect(mail?.mail.text).toContain('Alert: HighErrorRate (resolved)');
  });

  it('counts deliveries per channel and severity in notifications_total', async () => {
    await waitFor(async () => (await notifier.states()).delivered === 5, {
      what: 'every notification delivered',
      timeoutMs: 30_000,
    });
    const metrics = await (await fetch(`${notifier.url}/metrics`)).text();
    expect(metrics).toContain('notifications_total{channel="slack",severity="critical",result="delivered"} 2');
    expect(metrics).toContain('notifications_total{channel="email",severity="critical",result="delivered"} 2');
    expect(metrics).toContain('notifications_total{channel="slack",severity="warning",result="delivered"} 1');
    expect(metrics).toMatch(/notification_delivery_duration_seconds_count\{channel="slack"\} 3/);
  });
});
