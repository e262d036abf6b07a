import { setTimeout as sleep } from 'node:timers/promises';
import { waitFor } from '@qbm/testing';
import { send, type ClientResponse } from './harness/http-client';
import { Suite } from './harness/suite';
import { SUITE_EMAIL_TO } from './harness/suite-environment';
import { bearer } from './harness/tokens';

// Skipped on a machine without the binaries, never in CI (.ci/run installs them).
const describeWithBinaries = Suite.monitoringAvailable() || process.env.CI === 'true' ? describe : describe.skip;

// Scenario 1 of the suite: the API loses its database, users' requests through the gateway fail,
// the shipped HighErrorRate rule fires in a real Prometheus, a real Alertmanager hands it to the
// notifier, and on-call gets a Slack message and an email; when the failures stop, both say resolved.
// The rules run with compressed time (windows 20s, `for:` 5s; see compressRules), nothing else changed.
describeWithBinaries('a burst of failing requests through the gateway', () => {
  let suite: Suite;

  beforeAll(async () => {
    suite = await Suite.start({ monitoring: true });
  });

  afterAll(async () => {
    await suite?.stop();
  });

  const createObjective = (): Promise<ClientResponse> =>
    send(`${suite.gateway.url}/api/v1/objectives`, {
      method: 'POST',
      headers: { ...bearer('editor'), 'content-type': 'application/json' },
      body: JSON.stringify({ name: `Objective ${Date.now()}`, type: 'strategic_goal', priority: 5 }),
      from: '127.0.0.2',
    });

  const slackAbout = (status: 'FIRING' | 'RESOLVED') =>
    suite.slack
      .delivered()
      .filter((post) => post.body.text.includes(`[${status}`) && post.body.text.includes('HighErrorRate'));
  const mailAbout = (status: 'FIRING' | 'RESOLVED') =>
    suite.smtp.bySubject('HighErrorRate').filter((mail) => (mail.mail.subject ?? '').startsWith(`[${status}`));

  it('fires HighErrorRate, delivered to Slack and by email, then resolved on both', async () => {
    const prometheus = await suite.scraped();
    for (let i = 0; i < 3; i++) expect((await createObjective()).status).toBe(201);
    expect(slackAbout('FIRING')).toEqual([]);

    // The fault: the API's database goes away; users keep writing (about five a second).
    await suite.apiDatabase.stop();
    const failures: ClientResponse[] = [];
    let bursting = true;
    const burst = (async () => {
      while (bursting) {
        failures.push(await createObjective());
        await sleep(200);
      }
    })();

    let firedAt = 0;
    try {
      const firing = await waitFor(() => slackAbout('FIRING')[0], {
        what: `a FIRING HighErrorRate message in Slack (${suite.logs()})`,
        timeoutMs: 90_000,
        intervalMs: 250,
      });
      firedAt = firing.at;
      const mail = await waitFor(() => mailAbout('FIRING')[0], { what: 'the FIRING email', timeoutMs: 30_000 });
      expect(mail.to).toEqual([SUITE_EMAIL_TO]);
      expect(mail.mail.subject).toContain('(critical)');
      expect(mail.mail.text).toContain('of api requests returned a 5xx status');
    } finally {
      bursting = false;
      await burst;
    }
    // Every failure was the API's own 5xx passed through the gateway, not an error of the gateway's.
    expect(failures.length).toBeGreaterThanOrEqual(3);
    for (const failure of failures) {
      expect(failure.status).toBeGreaterThanOrEqual(500);
      expect(failure.json().code).not.toMatch(/^GATEWAY\./);
    }
    const [alert] = await prometheus.query('ALERTS{alertname="HighErrorRate", alertstate="firing"}');
    expect(alert?.metric).toMatchObject({ service: 'api', severity: 'critical' });

    // The database returns and the failures stop: once they leave the window, the alert resolves.
    await suite.apiDatabase.start();
    await waitFor(async () => (await createObjective()).status === 201, {
      what: 'the API to write again',
      timeoutMs: 30_000,
      intervalMs: 500,
    });
    const resolved = await waitFor(() => slackAbout('RESOLVED')[0], {
      what: 'a RESOLVED HighErrorRate message in Slack',
      timeoutMs: 90_000,
      intervalMs: 250,
    });
    expect(resolved.at).toBeGreaterThan(firedAt);
    await waitFor(() => mailAbout('RESOLVED')[0], { what: 'the RESOLVED email', timeoutMs: 30_000 });
    expect(slackAbout('FIRING')).toHaveLength(1);
  });
});
