import { alertmanagerPayload } from '../setup/alertmanager-payload';
import { writeRoutingFile } from '../setup/routing-file';
import { SlackStandIn, SmtpSink, waitFor } from '@qbm/testing';
import { resetState, startTestNotifier, type TestNotifier } from '../setup/test-notifier';

// With SMTP down and Slack failing, messages wait (retried with backoff) and every one is
// delivered, once, when the channels return.
describe('SMTP and Slack down, then back', () => {
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
      // Enough attempts to outlast the outage; short delays to keep the test quick.
      NOTIFIER_RETRY_ATTEMPTS: '30',
      NOTIFIER_RETRY_DELAY_MS: '100',
    });
  });
  afterAll(async () => {
    await notifier?.close();
    await slack.stop();
    await smtp.stop();
  });

  it('loses nothing', async () => {
    await smtp.stop();
    slack.outage = { status: 502 };
    const groups = ['DiskFull', 'NodeDown', 'QueueStuck', 'CertExpiring', 'LatencyHigh'];
    for (const alertname of groups) expect((await notifier.post(alertmanagerPayload({ alertname }))).status).toBe(200);

    const failedTries = async (channel: string): Promise<number> => {
      const rows: Array<{ count: string }> = await notifier.dataSource.query(
        `SELECT count(*) FROM notifier_delivery_attempts a JOIN notifier_notifications n ON n.id = a.notification_id
          WHERE n.channel = $1 AND a.result = 'failed'`,
        [channel],
      );
      return Number(rows[0]?.count);
    };
    // Each message has failed at least twice on each channel before the channels come back.
    await waitFor(async () => (await failedTries('email')) >= 10 && (await failedTries('slack')) >= 10, {
      what: 'failures on both channels',
      timeoutMs: 30_000,
    });
    expect((await notifier.states()).pending).toBe(10);

    await smtp.resume();
    slack.outage = undefined;
    await waitFor(async () => (await notifier.states()).delivered === 10, {
      what: 'every message delivered',
      timeoutMs: 30_000,
    });
    expect(smtp.received.map((entry) => entry.mail.subject).sort()).toEqual(
      groups.map((name) => `[FIRING:1] QBM AI System Alert: ${name} (critical)`).sort(),
    );
    expect(
      slack
        .delivered()
        .map((post) => post.body.text)
        .sort(),
    ).toEqual(groups.map((name) => `🚨 QBM AI System Alert: [FIRING:1] ${name}`).sort());
  });
});
