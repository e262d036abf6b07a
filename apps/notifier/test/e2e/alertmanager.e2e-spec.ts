import { AlertmanagerProcess, SlackStandIn, SmtpSink, waitFor } from '@qbm/testing';
import { writeRoutingFile } from '../setup/routing-file';
import { resetState, startTestNotifier, TEST_WEBHOOK_TOKEN, type TestNotifier } from '../setup/test-notifier';

// The shipped alertmanager.yml in a real Alertmanager posts to the real notifier, with the
// bearer token from its credentials file; the alert reaches Slack and email, and so does its end.
const suite = AlertmanagerProcess.available() || process.env.CI === 'true' ? describe : describe.skip;

suite('Alertmanager (shipped configuration) to the notifier', () => {
  let slack: SlackStandIn;
  let smtp: SmtpSink;
  let notifier: TestNotifier;
  let alertmanager: AlertmanagerProcess;

  beforeAll(async () => {
    slack = await SlackStandIn.start();
    smtp = await SmtpSink.start();
    await resetState();
    notifier = await startTestNotifier({
      SMTP_PORT: String(smtp.port),
      NOTIFIER_ROUTING_FILE: writeRoutingFile({ slackUrl: slack.url() }),
    });
    alertmanager = await AlertmanagerProcess.start(notifier.url, TEST_WEBHOOK_TOKEN);
  });
  afterAll(async () => {
    await alertmanager?.stop();
    await notifier?.close();
    await slack.stop();
    await smtp.stop();
  });

  it('delivers a firing critical alert and its resolution to Slack and email', async () => {
    const startsAt = new Date(Date.now() - 60_000).toISOString();
    const alert = {
      labels: { alertname: 'DatabaseConnectionHigh', severity: 'critical', service: 'api', instance: 'api-1:3000' },
      annotations: {
        summary: 'api api-1:3000: DB pool saturated (97%)',
        description: 'The database connection pool of api (api-1:3000) has been full for 5 minutes.',
        runbook_url: 'deploy/runbooks.md#databaseconnectionhigh',
      },
      startsAt,
    };
    await alertmanager.post([alert]);
    const [firing] = await waitFor(() => slack.delivered().length === 1 && slack.delivered(), {
      what: 'the firing Slack message',
      timeoutMs: 30_000,
    });
    expect(firing?.body.text).toBe('🚨 QBM AI System Alert: [FIRING:1] DatabaseConnectionHigh');
    expect(firing?.body.attachments?.[0]).toMatchObject({ color: 'danger', title: alert.annotations.summary });
    const [mail] = await waitFor(() => smtp.received.length === 1 && smtp.received, {
      what: 'the firing email',
      timeoutMs: 30_000,
    });
    expect(mail?.mail.subject).toBe('[FIRING:1] QBM AI System Alert: DatabaseConnectionHigh (critical)');
    expect(mail?.mail.text).toContain('Description: The database connection pool of api (api-1:3000) has been full');

    await alertmanager.post([{ ...alert, endsAt: new Date().toISOString() }]);
    const resolved = await waitFor(() => slack.delivered().length === 2 && slack.delivered()[1], {
      what: 'the resolved Slack message',
      timeoutMs: 30_000,
    });
    expect(resolved.body.text).toBe('✅ QBM AI System Alert: [RESOLVED] DatabaseConnectionHigh');
    expect(resolved.body.attachments?.[0]?.color).toBe('good');
    const resolvedMail = await waitFor(() => smtp.received.length === 2 && smtp.received[1], {
      what: 'the resolved email',
      timeoutMs: 30_000,
    });
    expect(resolvedMail.mail.subject).toBe('[RESOLVED] QBM AI System Alert: DatabaseConnectionHigh (critical)');

    const batches: Array<{ receiver: string; status: string; source: string }> = await notifier.dataSource.query(
      `SELECT receiver, status, source FROM notifier_alert_batches ORDER BY received_at`,
    );
    expect(batches).toEqual([
      { receiver: 'qbm-critical', status: 'firing', source: 'alertmanager' },
      { receiver: 'qbm-critical', status: 'resolved', source: 'alertmanager' },
    ]);
  });
});
