import { randomUUID } from 'node:crypto';
import { openTestDataSource, waitFor } from '@qbm/testing';
import { Suite } from './harness/suite';
import { suiteDatabaseUrl } from './harness/suite-environment';
import { closeOkrAfterPrediction, type ClosedOkr, expectedAccuracy, SuiteUser } from './harness/suite-users';

// Skipped on a machine without the binaries, never in CI (.ci/run installs them).
const describeWithBinaries = Suite.monitoringAvailable() || process.env.CI === 'true' ? describe : describe.skip;

const MODEL = 'okr-achievement';

// Scenario 3 of the suite: OKR predictions served through the gateway go to the quality ledger; the
// OKRs then close the other way, the real inference service scores them, its ai_model_accuracy falls
// below the guide's 70 %, the shipped AIModelAccuracyLow rule fires in a real Prometheus (time
// compressed as in scenario 1) and a real Alertmanager hands it to the notifier, which posts it to
// Slack (the shipped routing sends warnings there, and only critical alerts by email).
describeWithBinaries('a run of bad outcomes in the quality ledger', () => {
  let suite: Suite;
  let admin: SuiteUser;

  beforeAll(async () => {
    // The ledger is the suite database's, kept across runs and shared by the specs: this one starts
    // it empty, before the inference service reads it, so only its own OKRs count.
    const database = await openTestDataSource({ type: 'postgres', url: suiteDatabaseUrl() });
    try {
      await database.query('DELETE FROM inference_prediction_ledger');
    } finally {
      await database.destroy();
    }
    suite = await Suite.start({ monitoring: true });
    admin = new SuiteUser(suite.gateway.url, 'admin', `suite-ledger-${randomUUID().slice(0, 8)}`);
  });

  afterAll(async () => {
    await suite?.stop();
  });

  const slackAbout = () => suite.slack.delivered().filter((post) => post.body.text.includes('AIModelAccuracyLow'));

  async function accuracyInPrometheus(expected: number): Promise<void> {
    const prometheus = suite.prometheus!;
    let seen: string | undefined;
    await waitFor(
      async () => {
        const [sample] = await prometheus.query(`ai_model_accuracy{service="inference",model="${MODEL}"}`);
        seen = sample?.value[1];
        return seen !== undefined && Math.abs(Number(seen) - expected) < 1e-9;
      },
      { what: `ai_model_accuracy ${expected} in Prometheus (last seen ${seen})`, timeoutMs: 30_000, intervalMs: 250 },
    );
  }

  it('fires AIModelAccuracyLow in Prometheus and delivers it to Slack', async () => {
    const prometheus = await suite.scraped();

    // First, predictions the outcomes bear out: the model is accurate and nothing fires.
    const closed: ClosedOkr[] = [];
    for (let i = 0; i < 2; i++) closed.push(await closeOkrAfterPrediction(admin, `good ${i}`, 'with'));
    const before = expectedAccuracy(closed);
    expect(before).toBeGreaterThanOrEqual(0.7);
    await accuracyInPrometheus(before);

    // Then a run of OKRs that close against their predictions.
    for (let i = 0; i < 6; i++) closed.push(await closeOkrAfterPrediction(admin, `bad ${i}`, 'against'));
    const after = expectedAccuracy(closed);
    expect(after).toBeLessThan(0.7);
    await accuracyInPrometheus(after);
    // Nothing fired while the model was accurate: the first alert is about the bad run.
    expect(slackAbout()).toEqual([]);

    const firing = await waitFor(() => slackAbout()[0], {
      what: `a FIRING AIModelAccuracyLow message in Slack (${suite.logs()})`,
      timeoutMs: 60_000,
      intervalMs: 250,
    });
    expect(firing.body.text).toContain('[FIRING');
    expect(JSON.stringify(firing.body)).toContain(MODEL);
    const [alert] = await prometheus.query('ALERTS{alertname="AIModelAccuracyLow", alertstate="firing"}');
    expect(alert?.metric).toMatchObject({ service: 'inference', model: MODEL, severity: 'warning' });
    // Warnings go to Slack only in the shipped routing (apps/notifier/config/routing.yaml).
    expect(suite.smtp.bySubject('AIModelAccuracyLow')).toEqual([]);
  });
});
