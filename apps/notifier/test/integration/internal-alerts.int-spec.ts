import { JobProducer } from '@qbm/queues';
import { writeRoutingFile } from '../setup/routing-file';
import { SlackStandIn, SmtpSink, waitFor } from '@qbm/testing';
import { resetState, startTestNotifier, type TestNotifier } from '../setup/test-notifier';

// A service raises an alert on the `alerts` queue; it takes the webhook's path to the channels.
describe('internal alerts (raise-alert jobs)', () => {
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
    });
  });
  afterAll(async () => {
    await notifier?.close();
    await slack.stop();
    await smtp.stop();
  });

  it('delivers a critical internal alert to Slack and email, then its resolution', async () => {
    const producer = notifier.app.get(JobProducer);
    const alert = {
      alertname: 'ModelAccuracyBelowTarget',
      severity: 'critical' as const,
      status: 'firing' as const,
      labels: { model: 'okr-forecast' },
      annotations: {
        summary: 'okr-forecast live accuracy 0.61',
        description: 'Below the 0.8 target for 3 evaluations',
      },
      startsAt: '2026-11-29T08:00:00Z',
      fingerprint: 'a1b2c3d4e5f60718',
      source: 'inference',
    };
    const job = await producer.enqueue('raise-alert', alert);
    const [post] = await waitFor(() => slack.delivered().length === 1 && slack.delivered(), {
      what: 'the Slack message',
      timeoutMs: 30_000,
    });
    expect(post?.body.text).toBe('🚨 QBM AI System Alert: [FIRING:1] ModelAccuracyBelowTarget');
    expect(post?.body.attachments?.[0]).toMatchObject({ color: 'danger', title: 'okr-forecast live accuracy 0.61' });
    const [mail] = await waitFor(() => smtp.received.length === 1 && smtp.received, {
      what: 'the email',
      timeoutMs: 30_000,
    });
    expect(mail?.mail.text).toContain('Description: Below the 0.8 target for 3 evaluations');
    await waitFor(async () => (await job.isCompleted()) && true, { what: 'the job result', timeoutMs: 30_000 });
    const finished = await notifier.app.get(JobProducer).enqueue('raise-alert', alert);
    // The contract's job id drops the same state change within its window: nothing new is sent.
    expect(finished.id).toBe(job.id);

    await producer.enqueue('raise-alert', { ...alert, status: 'resolved', endsAt: '2026-11-29T09:00:00Z' });
    const resolved = await waitFor(() => slack.delivered().length === 2 && slack.delivered()[1], {
      what: 'the resolution',
      timeoutMs: 30_000,
    });
    expect(resolved.body.attachments?.[0]?.color).toBe('good');
    const rows: Array<{ source: string; receiver: string }> = await notifier.dataSource.query(
      `SELECT DISTINCT source, receiver FROM notifier_alert_batches`,
    );
    expect(rows).toEqual([{ source: 'internal', receiver: 'internal-critical' }]);
  });
});
