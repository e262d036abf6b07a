import { alertmanagerPayload } from '../setup/alertmanager-payload';
import { writeRoutingFile } from '../setup/routing-file';
import { SlackStandIn, TcpProxy, freePort, testDatabaseName, waitFor } from '@qbm/testing';
import { resetState, startTestNotifier, type TestNotifier } from '../setup/test-notifier';

// Alertmanager retries a webhook only on 5xx: with the database away, the notifier must not
// answer 200 for a group it could not store.
describe('webhook while the database is down', () => {
  let slack: SlackStandIn;
  let proxy: TcpProxy;
  let notifier: TestNotifier;

  beforeAll(async () => {
    slack = await SlackStandIn.start();
    proxy = new TcpProxy(await freePort(), 5432);
    await proxy.start();
    await resetState();
    notifier = await startTestNotifier({
      DATABASE_URL: `postgres://postgres@127.0.0.1:${proxy.port}/${testDatabaseName('notifier')}`,
      NOTIFIER_ROUTING_FILE: writeRoutingFile({ slackUrl: slack.url(), email: false }),
    });
  });
  afterAll(async () => {
    await notifier?.close();
    await proxy.stop();
    await slack.stop();
  });

  it('answers 503 DATABASE.UNAVAILABLE with Retry-After, then 200 and delivery once it is back', async () => {
    await proxy.stop();
    const refused = await notifier.post(alertmanagerPayload());
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(await refused.json()).toMatchObject({ code: 'DATABASE.UNAVAILABLE', details: { dependency: 'database' } });
    const metrics = await (await fetch(`${notifier.url}/metrics`)).text();
    // Refused (a new connection) or lost (a pooled one the cut reached only as the query went out):
    // which one comes first is a race between the proxy's close and the query.
    expect(metrics).toMatch(
      /dependency_errors_total\{dependency="database",reason="(?:unreachable|connection_lost)"\} [1-9]/,
    );

    await proxy.start();
    const accepted = await waitFor(
      async () => {
        const response = await notifier.post(alertmanagerPayload());
        return response.status === 200 && response;
      },
      { what: 'a 200 once the database is back', timeoutMs: 30_000 },
    );
    expect(((await accepted.json()) as { duplicate: boolean }).duplicate).toBe(false);
    await waitFor(() => slack.delivered().length === 1, { what: 'the Slack message', timeoutMs: 30_000 });
  });
});
