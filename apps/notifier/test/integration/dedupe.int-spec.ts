import { alertmanagerPayload } from '../setup/alertmanager-payload';
import { writeRoutingFile } from '../setup/routing-file';
import { SlackStandIn, SmtpSink, waitFor } from '@qbm/testing';
import { resetState, startTestNotifier, type TestNotifier } from '../setup/test-notifier';

interface Accepted {
  duplicate: boolean;
  notifications: number;
}

async function deduplicatedTotal(notifier: TestNotifier): Promise<number> {
  const metrics = await (await fetch(`${notifier.url}/metrics`)).text();
  return Number(/^notifications_deduplicated_total (\d+)$/m.exec(metrics)?.[1]);
}

describe('repeats of a group already accepted', () => {
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

  it('suppresses a repeat (Alertmanager repeat_interval, an HA pair) and counts it', async () => {
    const group = alertmanagerPayload({ alerts: 2 });
    const answers = await Promise.all(Array.from({ length: 5 }, () => notifier.post(group)));
    const bodies = (await Promise.all(answers.map((answer) => answer.json()))) as Accepted[];
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(bodies.filter((body) => !body.duplicate)).toHaveLength(1);
    expect(bodies.filter((body) => body.duplicate).map((body) => body.notifications)).toEqual([0, 0, 0, 0]);

    await waitFor(async () => (await notifier.states()).delivered === 2, {
      what: 'the first delivery',
      timeoutMs: 30_000,
    });
    expect(await notifier.states()).toEqual({ delivered: 2, suppressed: 8 });
    // 4 repeats x 2 destinations (Slack and email).
    expect(await deduplicatedTotal(notifier)).toBe(8);
    expect(slack.delivered()).toHaveLength(1);
    expect(smtp.received).toHaveLength(1);
  });

  it('delivers what changed: the resolution, a new alert in the group, and a new firing', async () => {
    const before = slack.delivered().length;
    const changes = [
      alertmanagerPayload({ alerts: 2, status: 'resolved' }),
      alertmanagerPayload({ alerts: 3 }),
      alertmanagerPayload({ alerts: 2, startsAt: '2026-11-29T08:00:00Z' }),
    ];
    for (const change of changes)
      expect(((await (await notifier.post(change)).json()) as Accepted).duplicate).toBe(false);
    await waitFor(() => slack.delivered().length === before + 3, {
      what: 'three more Slack messages',
      timeoutMs: 30_000,
    });
  });

  it('delivers the repeat again once the dedupe window has passed', async () => {
    await notifier.dataSource.query(`UPDATE notifier_dedupe_keys SET expires_at = now() - interval '1 second'`);
    const again = await (await notifier.post(alertmanagerPayload({ alerts: 2 }))).json();
    expect(again).toMatchObject({ duplicate: false, notifications: 2 });
  });
});
