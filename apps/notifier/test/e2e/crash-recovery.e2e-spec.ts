import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { alertmanagerPayload } from '../setup/alertmanager-payload';
import { NotifierProcess } from '../setup/notifier-process';
import { writeRoutingFile } from '../setup/routing-file';
import { SlackStandIn, testDatabaseUrl, testRedisUrl, waitFor } from '@qbm/testing';
import { resetState, TEST_WEBHOOK_TOKEN } from '../setup/test-notifier';

// The built notifier accepts a webhook, is SIGKILLed before it manages to deliver, and after a
// restart delivers the message exactly once.
describe('notifier killed between accepting and delivering', () => {
  let slack: SlackStandIn;
  let notifier: NotifierProcess | undefined;
  let database: DataSource;
  let queue: Queue;

  beforeAll(async () => {
    slack = await SlackStandIn.start();
    await resetState();
    database = new DataSource({ type: 'postgres', url: testDatabaseUrl('notifier') });
    await database.initialize();
    queue = new Queue('notifications', { connection: { url: testRedisUrl() } });
  });
  afterAll(async () => {
    await notifier?.kill();
    await queue.close();
    await database.destroy();
    await slack.stop();
  });

  it('delivers once after a restart', async () => {
    const env = {
      NOTIFIER_ROUTING_FILE: writeRoutingFile({ slackUrl: slack.url(), email: false }),
      NOTIFIER_RETRY_ATTEMPTS: '5',
      NOTIFIER_RETRY_DELAY_MS: '1000',
    };
    // Slack fails the first try, so the message is still undelivered when the process dies.
    slack.outage = { status: 503 };
    notifier = await NotifierProcess.start(env);
    const accepted = await fetch(`${notifier.url}/api/v1/alerts/alertmanager`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_WEBHOOK_TOKEN}` },
      body: JSON.stringify(alertmanagerPayload({ alertname: 'CrashTest' })),
    });
    expect(accepted.status).toBe(200);
    await waitFor(
      async () => {
        const counts = await queue.getJobCounts('delayed', 'active');
        return slack.posts.length === 1 && counts.delayed === 1 && counts.active === 0;
      },
      { what: 'the first failed try, and its retry scheduled', timeoutMs: 30_000 },
    );
    await notifier.kill();
    slack.outage = undefined;

    await notifier.restart();
    await waitFor(() => slack.delivered().length === 1, { what: 'the delivery', timeoutMs: 30_000 });
    await waitFor(
      async () => {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
        return counts.waiting === 0 && counts.active === 0 && counts.delayed === 0 && counts.completed === 1 && counts;
      },
      { what: 'the queue to drain', timeoutMs: 30_000 },
    );
    expect(slack.delivered()).toHaveLength(1);
    expect(slack.posts.map((post) => post.status)).toEqual([503, 200]);
    const rows: Array<{ state: string; attempts: number }> = await database.query(
      `SELECT state, attempts FROM notifier_notifications`,
    );
    expect(rows).toEqual([{ state: 'delivered', attempts: 2 }]);
  });
});
