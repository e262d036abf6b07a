import { setTimeout as sleep } from 'node:timers/promises';
import { waitFor } from '@qbm/testing';
import { dashboardQueries, expandVariables, type PanelQuery } from './harness/dashboard-queries';
import { send } from './harness/http-client';
import { Suite } from './harness/suite';
import { closeOkrAfterPrediction, SuiteUser } from './harness/suite-users';
import { bearer } from './harness/tokens';

// A batch the inference service predicts (through the predictions queue) each time it is posted.
const PREDICTION_BATCH = {
  items: [
    {
      kind: 'key-result',
      id: 'dashboard-kr',
      asOf: '2026-02-01',
      history: { baselineValue: 0, targetValue: 100, periodStart: '2026-01-01', periodEnd: '2026-03-31', checkIns: [] },
    },
  ],
};

// Skipped on a machine without the binaries, never in CI (.ci/run installs them).
const describeWithBinaries = Suite.monitoringAvailable() || process.env.CI === 'true' ? describe : describe.skip;

// Queries that may return nothing from this suite, each with the reason (matched on the expression).
const LEGITIMATELY_EMPTY: Array<[RegExp, string]> = [
  [/\blabel_values_folded_total\b/, "counts only once the cardinality guard folds a label's values"],
];

describeWithBinaries('the Grafana dashboards against a real Prometheus scraping the suite', () => {
  let suite: Suite;

  beforeAll(async () => {
    suite = await Suite.start({ monitoring: true });
  });

  afterAll(async () => {
    await suite?.stop();
  });

  it('every panel query returns data once the suite has served users and delivered an alert', async () => {
    const prometheus = await suite.scraped();
    await useTheSuite(suite);

    // Dashboards are read while users are served: a ratio over an idle window is left out, by design.
    let serving = true;
    const load = (async () => {
      while (serving) {
        await send(`${suite.gateway.url}/api/v1/objectives?size=5`, { headers: bearer('viewer'), from: '127.0.0.3' });
        await send(`${suite.gateway.url}/api/v1/predictions/batch`, {
          method: 'POST',
          headers: { ...bearer('editor'), 'content-type': 'application/json' },
          body: JSON.stringify(PREDICTION_BATCH),
          from: '127.0.0.3',
        });
        await sleep(250);
      }
    })();
    try {
      const queries = dashboardQueries();
      expect(queries.length).toBeGreaterThan(20);
      const unexplained = async (): Promise<PanelQuery[]> => {
        const missing: PanelQuery[] = [];
        for (const query of queries)
          if (
            !LEGITIMATELY_EMPTY.some(([pattern]) => pattern.test(query.expr)) &&
            (await prometheus.query(expandVariables(query.expr))).length === 0
          )
            missing.push(query);
        return missing;
      };
      let last: PanelQuery[] = [];
      await waitFor(async () => (last = await unexplained()).length === 0, {
        what: 'data for every panel',
        timeoutMs: 60_000,
        intervalMs: 1_000,
      }).catch(() => undefined);
      expect(last.map((query) => `${query.panel} [${query.refId}]: ${query.expr}`)).toEqual([]);
    } finally {
      serving = false;
      await load;
    }
  });
});

// Users' traffic through the gateway (writes, cached reads, a client error, a short database
// outage, an OKR predicted and closed) and one alert through Alertmanager, whose first Slack attempt fails and is retried.
async function useTheSuite(suite: Suite): Promise<void> {
  const gateway = (path: string, init: { method?: string; body?: unknown; role?: 'viewer' | 'editor' } = {}) =>
    send(`${suite.gateway.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { ...bearer(init.role ?? 'viewer'), 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      from: '127.0.0.2',
    });
  for (let i = 0; i < 5; i++) {
    const created = await gateway('/api/v1/objectives', {
      method: 'POST',
      role: 'editor',
      body: { name: `Dashboard objective ${i}`, type: 'strategic_goal', priority: 3 },
    });
    expect(created.status).toBe(201);
    for (let read = 0; read < 3; read++) expect((await gateway('/api/v1/objectives?size=5')).status).toBe(200);
  }
  expect((await gateway('/api/v1/objectives', { method: 'POST', role: 'editor', body: { name: '' } })).status).toBe(
    400,
  );

  await suite.apiDatabase.stop();
  for (let i = 0; i < 3; i++) expect((await gateway('/api/v1/okrs?size=5')).status).toBeGreaterThanOrEqual(500);
  await suite.apiDatabase.start();
  await waitFor(async () => (await gateway('/api/v1/okrs?size=5')).status === 200, {
    what: 'the API to read again',
    timeoutMs: 30_000,
    intervalMs: 500,
  });

  // An OKR's prediction served and the OKR closed: the ledger scores it and the quality panels have data.
  await closeOkrAfterPrediction(new SuiteUser(suite.gateway.url, 'admin', 'suite-dashboards'), 'dashboard', 'with');

  suite.slack.answerNext({ status: 500 });
  await suite.alertmanager!.post([
    {
      labels: { alertname: 'DashboardProbe', severity: 'critical', service: 'api', instance: suite.api.address },
      annotations: { summary: 'A probe alert for the dashboard test', description: 'Delivered to fill the panels.' },
      startsAt: new Date().toISOString(),
    },
  ]);
  await waitFor(() => suite.slack.delivered().some((post) => post.body.text.includes('DashboardProbe')), {
    what: 'the probe alert in Slack',
    timeoutMs: 30_000,
  });
}
