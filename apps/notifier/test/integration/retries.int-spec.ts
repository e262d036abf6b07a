import { notificationsCommand } from '../../src/cli/commands/notifications.command';
import { alertmanagerPayload } from '../setup/alertmanager-payload';
import { writeRoutingFile } from '../setup/routing-file';
import { SlackStandIn, SmtpSink, waitFor } from '@qbm/testing';
import { resetState, startTestNotifier, type TestNotifier } from '../setup/test-notifier';

interface AttemptRow {
  attempt: number;
  result: string;
  error: string | null;
  started: number;
}

describe('delivery failures: retries, Retry-After, dead letters and requeue', () => {
  let slack: SlackStandIn;
  let smtp: SmtpSink;
  let notifier: TestNotifier;

  async function attemptsOf(title: string, channel: string): Promise<AttemptRow[]> {
    return notifier.dataSource.query(
      `SELECT a.attempt, a.result, a.error, extract(epoch FROM a.started_at) * 1000 AS started
         FROM notifier_delivery_attempts a JOIN notifier_notifications n ON n.id = a.notification_id
        WHERE n.title = $1 AND n.channel = $2 ORDER BY a.id`,
      [title, channel],
    );
  }

  async function stateOf(title: string, channel: string): Promise<string | undefined> {
    const rows: Array<{ state: string }> = await notifier.dataSource.query(
      `SELECT state FROM notifier_notifications WHERE title = $1 AND channel = $2`,
      [title, channel],
    );
    return rows[0]?.state;
  }

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

  it('retries a Slack 500 with backoff and delivers once it answers', async () => {
    slack.answerNext({ status: 500 });
    await notifier.post(alertmanagerPayload({ alertname: 'Retry500', severity: 'warning' }));
    await waitFor(async () => (await stateOf('Retry500', 'slack')) === 'delivered', {
      what: 'delivery after the 500',
      timeoutMs: 30_000,
    });
    expect((await attemptsOf('Retry500', 'slack')).map((a) => [a.attempt, a.result])).toEqual([
      [1, 'failed'],
      [2, 'delivered'],
    ]);
    expect(slack.posts.filter((post) => post.body.text.includes('Retry500')).map((post) => post.status)).toEqual([
      500, 200,
    ]);
  });

  it("waits a 429's Retry-After without using up an attempt", async () => {
    slack.answerNext({ status: 429, retryAfterSeconds: 1 });
    await notifier.post(alertmanagerPayload({ alertname: 'Slow429', severity: 'warning' }));
    await waitFor(async () => (await stateOf('Slow429', 'slack')) === 'delivered', {
      what: 'delivery after the 429',
      timeoutMs: 30_000,
    });
    const attempts = await attemptsOf('Slow429', 'slack');
    expect(attempts.map((a) => [a.attempt, a.result])).toEqual([
      [1, 'rate_limited'],
      [1, 'delivered'],
    ]);
    const posts = slack.posts.filter((post) => post.body.text.includes('Slow429'));
    expect(posts.map((post) => post.status)).toEqual([429, 200]);
    expect((posts[1]?.at ?? 0) - (posts[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it('dead-letters a permanent failure at once, lists it, and delivers it when requeued', async () => {
    slack.answerNext({ status: 404, body: 'no_service' });
    await notifier.post(alertmanagerPayload({ alertname: 'Gone404', severity: 'warning' }));
    await waitFor(async () => (await stateOf('Gone404', 'slack')) === 'dead', {
      what: 'the dead letter',
      timeoutMs: 30_000,
    });
    expect((await attemptsOf('Gone404', 'slack')).map((a) => [a.result, a.error])).toEqual([
      ['failed', 'Slack 404: no_service'],
    ]);
    await waitFor(async () => (await notifier.queue.getJobCounts('failed')).failed === 1, {
      what: 'the failed job',
      timeoutMs: 30_000,
    });

    let listed = '';
    await notificationsCommand(notifier.config, ['list'], (text) => (listed += text));
    expect(listed).toMatch(/dead\s+slack:ops-slack\s+Gone404 \(warning\)\s+1\s+Slack 404: no_service/);

    let output = '';
    await notificationsCommand(notifier.config, ['requeue', '--all-dead'], (text) => (output += text));
    expect(output).toBe('requeued 1 dead letter(s)\n');
    await waitFor(async () => (await stateOf('Gone404', 'slack')) === 'delivered', {
      what: 'delivery after the requeue',
      timeoutMs: 30_000,
    });
    expect((await notifier.queue.getJobCounts('failed')).failed).toBe(0);
  });

  it('dead-letters after the last attempt of a lasting outage', async () => {
    slack.outage = { status: 503 };
    await notifier.post(alertmanagerPayload({ alertname: 'Outage503', severity: 'warning' }));
    await waitFor(async () => (await stateOf('Outage503', 'slack')) === 'dead', {
      what: 'the dead letter',
      timeoutMs: 30_000,
    });
    expect((await attemptsOf('Outage503', 'slack')).map((a) => a.result)).toEqual(['failed', 'failed', 'failed']);
    const metrics = await (await fetch(`${notifier.url}/metrics`)).text();
    expect(metrics).toMatch(/notifications_total\{channel="slack",severity="warning",result="failed"\} [4-9]/);
    slack.outage = undefined;
  });

  it('retries an SMTP 451 and dead-letters an SMTP 550 at once', async () => {
    smtp.refuseWith = 451;
    await notifier.post(alertmanagerPayload({ alertname: 'Mail451' }));
    await waitFor(async () => (await attemptsOf('Mail451', 'email')).length >= 1, {
      what: 'the first refusal',
      timeoutMs: 30_000,
    });
    smtp.refuseWith = undefined;
    await waitFor(async () => (await stateOf('Mail451', 'email')) === 'delivered', {
      what: 'the email delivered',
      timeoutMs: 30_000,
    });
    expect((await attemptsOf('Mail451', 'email'))[0]?.error).toMatch(/^SMTP 451/);

    smtp.refuseWith = 550;
    await notifier.post(alertmanagerPayload({ alertname: 'Mail550' }));
    await waitFor(async () => (await stateOf('Mail550', 'email')) === 'dead', {
      what: 'the dead letter',
      timeoutMs: 30_000,
    });
    expect((await attemptsOf('Mail550', 'email')).map((a) => a.result)).toEqual(['failed']);
    smtp.refuseWith = undefined;
  });
});
