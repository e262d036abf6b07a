import { alertmanagerPayload } from '../setup/alertmanager-payload';
import { writeRoutingFile } from '../setup/routing-file';
import { SlackStandIn, SmtpSink, waitFor } from '@qbm/testing';
import { resetState, startTestNotifier, type TestNotifier } from '../setup/test-notifier';

const GROUPS = 100;
const ALERTS_PER_GROUP = 10;
const SLACK_PER_SECOND = 20;
const POSTERS = 25;

// 1,000 alerts in 100 groups, each group posted twice (Alertmanager's repeat): nothing lost,
// every repeat suppressed, and the Slack webhook never sent more than its rate.
describe('an alert storm', () => {
  let slack: SlackStandIn;
  let smtp: SmtpSink;
  let notifier: TestNotifier;

  beforeAll(async () => {
    slack = await SlackStandIn.start();
    smtp = await SmtpSink.start();
    await resetState();
    notifier = await startTestNotifier({
      SMTP_PORT: String(smtp.port),
      NOTIFIER_ROUTING_FILE: writeRoutingFile({ slackUrl: slack.url(), slackRatePerSecond: SLACK_PER_SECOND }),
      NOTIFIER_DELIVERY_CONCURRENCY: '20',
    });
  });
  afterAll(async () => {
    await notifier?.close();
    await slack.stop();
    await smtp.stop();
  });

  it('loses none of 1,000 alerts, suppresses every repeat and holds the Slack rate', async () => {
    const names = Array.from({ length: GROUPS }, (_, i) => `Storm${String(i).padStart(3, '0')}`);
    const posts = [...names, ...names].map((alertname) => alertmanagerPayload({ alertname, alerts: ALERTS_PER_GROUP }));
    const statuses: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: POSTERS }, async () => {
        while (next < posts.length) {
          const response = await notifier.post(posts[next++]);
          statuses.push(response.status);
          await response.arrayBuffer();
        }
      }),
    );
    expect(statuses.filter((status) => status !== 200)).toEqual([]);

    await waitFor(() => slack.delivered().length >= GROUPS && smtp.received.length >= GROUPS, {
      what: 'every group on Slack and by email',
      timeoutMs: 120_000,
    });
    await waitFor(
      async () => {
        const counts = await notifier.queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
        return Object.values(counts).every((count) => count === 0);
      },
      { what: 'the queue to drain', timeoutMs: 30_000 },
    );
    const expected = names.map((name) => `[FIRING:${ALERTS_PER_GROUP}] ${name}`).sort();
    expect(
      slack
        .delivered()
        .map((post) => post.body.text.replace('🚨 QBM AI System Alert: ', ''))
        .sort(),
    ).toEqual(expected);
    expect(
      smtp.received
        .map((entry) => (entry.mail.subject ?? '').replace(' QBM AI System Alert:', '').replace(' (critical)', ''))
        .sort(),
    ).toEqual(expected);
    expect(await notifier.states()).toEqual({ delivered: GROUPS * 2, suppressed: GROUPS * 2 });
    const metrics = await (await fetch(`${notifier.url}/metrics`)).text();
    expect(metrics).toContain(`notifications_deduplicated_total ${GROUPS * 2}`);

    // The pacer grants one slot every 1/SLACK_PER_SECOND s (exactly, in Redis: send-pacer.int-spec).
    // What Slack sees also carries each send's own delay, which a loaded machine stretches by a
    // few hundred ms, so the checks leave room for that and still tell paced from unpaced (which
    // would post the 100 messages within about a second): the 100 spread over their slots, and no
    // SLACK_PER_SECOND + 1 of them inside half a second.
    const times = slack
      .delivered()
      .map((post) => post.at)
      .sort((a, b) => a - b);
    const slots = ((GROUPS - 1) / SLACK_PER_SECOND) * 1000;
    expect((times.at(-1) ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(slots - 500);
    const tightest = Math.min(...times.slice(SLACK_PER_SECOND).map((at, i) => at - (times[i] ?? 0)));
    expect(tightest).toBeGreaterThanOrEqual(500);
  });
});
