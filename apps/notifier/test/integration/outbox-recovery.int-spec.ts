import { alertmanagerPayload } from '../setup/alertmanager-payload';
import { writeRoutingFile } from '../setup/routing-file';
import { SlackStandIn, flushTestRedis, testRedisUrl, waitFor } from '@qbm/testing';
import { resetState, startTestNotifier, type TestNotifier } from '../setup/test-notifier';
import Redis from 'ioredis';

// Redis away during intake: the group is stored and answered 200, and delivered once the
// recovery sweep can enqueue it. Here the jobs are lost by emptying Redis after intake.
describe('outbox recovery', () => {
  let slack: SlackStandIn;
  let notifier: TestNotifier | undefined;
  const env = (): Record<string, string> => ({
    NOTIFIER_ROUTING_FILE: writeRoutingFile({ slackUrl: slack.url(), email: false }),
    NOTIFIER_RECOVERY_INTERVAL_MS: '500',
  });

  beforeAll(async () => {
    slack = await SlackStandIn.start();
    await resetState();
  });
  afterAll(async () => {
    await notifier?.close();
    await slack.stop();
  });

  it('enqueues again, at boot, rows whose job never reached Redis, and delivers each once', async () => {
    slack.outage = { status: 503 };
    notifier = await startTestNotifier(env());
    for (const alertname of ['Lost1', 'Lost2', 'Lost3']) await notifier.post(alertmanagerPayload({ alertname }));
    await waitFor(() => new Set(slack.posts.map((p) => p.body.text)).size === 3, {
      what: 'a failed try each',
      timeoutMs: 30_000,
    });
    await notifier.close();
    notifier = undefined;
    // The jobs vanish (a Redis that lost its data); only the outbox remembers the messages.
    await resetRedisOnly();
    slack.outage = undefined;

    notifier = await startTestNotifier(env());
    await waitFor(async () => (await notifier?.states())?.delivered === 3, {
      what: 'the three messages delivered',
      timeoutMs: 30_000,
    });
    expect(
      slack
        .delivered()
        .map((p) => p.body.text)
        .sort(),
    ).toEqual([
      '🚨 QBM AI System Alert: [FIRING:1] Lost1',
      '🚨 QBM AI System Alert: [FIRING:1] Lost2',
      '🚨 QBM AI System Alert: [FIRING:1] Lost3',
    ]);
  });
});

async function resetRedisOnly(): Promise<void> {
  const redis = new Redis(testRedisUrl());
  try {
    await flushTestRedis(redis);
  } finally {
    redis.disconnect();
  }
}
