import { alertmanagerPayload } from '../setup/alertmanager-payload';
import { writeRoutingFile } from '../setup/routing-file';
import { SlackStandIn, waitFor } from '@qbm/testing';
import { resetState, startTestNotifier, TEST_WEBHOOK_TOKEN, type TestNotifier } from '../setup/test-notifier';

interface Page {
  data: Array<{ title: string; attemptLog: Array<{ attempt: number; result: string }> }>;
  meta: { nextCursor: string | null };
}

interface ErrorBody {
  code: string;
  details: Array<{ field: string }>;
}

describe('GET /api/v1/notifications', () => {
  let slack: SlackStandIn;
  let notifier: TestNotifier;
  const get = (query: string, token: string | undefined = notifier.token('admin')) =>
    fetch(`${notifier.url}/api/v1/notifications${query}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  beforeAll(async () => {
    slack = await SlackStandIn.start();
    await resetState();
    notifier = await startTestNotifier({
      NOTIFIER_ROUTING_FILE: writeRoutingFile({ slackUrl: slack.url(), email: false }),
    });
    // A1's first try fails; the others are posted once it has.
    slack.answerNext({ status: 500 });
    await notifier.post(alertmanagerPayload({ alertname: 'A1' }));
    await waitFor(() => slack.posts.length === 1, { what: "A1's failed try", timeoutMs: 30_000 });
    for (const alertname of ['A2', 'A3', 'A4', 'A5']) await notifier.post(alertmanagerPayload({ alertname }));
    await notifier.post(alertmanagerPayload({ alertname: 'W1', severity: 'warning' }));
    await waitFor(async () => (await notifier.states()).delivered === 6, { what: 'six deliveries', timeoutMs: 30_000 });
  });
  afterAll(async () => {
    await notifier?.close();
    await slack.stop();
  });

  it('needs an admin token', async () => {
    expect((await get('', '')).status).toBe(401);
    const editor = await get('', notifier.token('editor'));
    expect(editor.status).toBe(403);
    expect(((await editor.json()) as ErrorBody).code).toBe('AUTH.ROLE_INSUFFICIENT');
  });

  it('lists newest first with each attempt, filtered, paged by cursor without overlap', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await get(`?severity=critical&size=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.status).toBe(200);
      const page = (await response.json()) as Page;
      seen.push(...page.data.map((n) => n.title));
      cursor = page.meta.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['A5', 'A4', 'A3', 'A2', 'A1']);

    const a1 = ((await (await get('?alertname=A1')).json()) as Page).data[0];
    expect(a1).toMatchObject({
      channel: 'slack',
      destination: 'ops-slack',
      state: 'delivered',
      attempts: 2,
      source: 'alertmanager',
    });
    expect(a1?.attemptLog.map((a) => [a.attempt, a.result])).toEqual([
      [1, 'failed'],
      [2, 'delivered'],
    ]);
    expect(((await (await get('?severity=warning')).json()) as Page).data.map((n) => n.title)).toEqual(['W1']);
    expect(((await (await get('?state=dead')).json()) as Page).data).toEqual([]);
  });

  it('refuses bad filters and a forged cursor with VALIDATION.FAILED', async () => {
    const bad = await get('?state=lost&size=500');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).details.map((d) => d.field).sort()).toEqual(['size', 'state']);
    const forged = await get(`?cursor=${Buffer.from('yesterday|me').toString('base64url')}`);
    expect(forged.status).toBe(400);
    expect(((await forged.json()) as ErrorBody).details[0]?.field).toBe('cursor');
  });

  it('is described, with the webhook, in the OpenAPI document', async () => {
    const document = (await (await fetch(`${notifier.url}/docs-json`)).json()) as {
      paths: Record<string, { get?: { parameters: Array<{ name: string; schema: unknown }> } }>;
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/notifications', '/api/v1/alerts/alertmanager']),
    );
    // The filters are documented from the same declarations the validator runs.
    const parameters = document.paths['/api/v1/notifications']?.get?.parameters ?? [];
    expect(parameters.find((p) => p.name === 'size')?.schema).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 100,
    });
    expect(parameters.find((p) => p.name === 'since')?.schema).toMatchObject({ type: 'string', format: 'date-time' });
  });

  it('refuses a deeply nested webhook body with a coded 400, not a 500', async () => {
    const response = await fetch(`${notifier.url}/api/v1/alerts/alertmanager`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_WEBHOOK_TOKEN}` },
      body: `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`,
    });
    expect([response.status, ((await response.json()) as ErrorBody).code]).toEqual([400, 'REQUEST.TOO_DEEP']);
  });
});
