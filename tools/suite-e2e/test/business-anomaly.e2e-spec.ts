import { randomUUID } from 'node:crypto';
import { waitFor } from '@qbm/testing';
import { Suite } from './harness/suite';
import { daysAgo, SuiteUser } from './harness/suite-users';

// Scenario 2 of the suite: a planted anomaly on a primary north-star metric, ingested and read
// through the gateway, is scored by the real inference service; the API raises one business alert
// (a raise-alert job per metric and day) and the notifier delivers it to Slack (the shipped routing
// sends warnings there). Reading the anomalies again raises nothing more. No Prometheus here: the
// alert is the application's own, not a rule's.
describe('a planted anomaly on a primary metric', () => {
  let suite: Suite;
  let admin: SuiteUser;

  beforeAll(async () => {
    suite = await Suite.start();
    admin = new SuiteUser(suite.gateway.url, 'admin', `suite-anomaly-${randomUUID().slice(0, 8)}`);
  });

  afterAll(async () => {
    await suite?.stop();
  });

  const anomalyPosts = (metricId: string) =>
    suite.slack
      .delivered()
      .filter(
        (post) => post.body.text.includes('NorthStarMetricAnomaly') && JSON.stringify(post.body).includes(metricId),
      );

  // A daily primary metric: 40 quiet days around 100 (a weekly wiggle), then `last` today.
  async function primaryMetricEndingWith(last: number): Promise<string> {
    const objective = await admin.expect<{ id: string }>(201, 'POST', '/objectives', {
      name: `Anomaly objective ${randomUUID().slice(0, 8)}`,
      type: 'strategic_goal',
      priority: 8,
    });
    const metric = await admin.expect<{ id: string }>(201, 'POST', '/north-star-metrics', {
      name: `Weekly active teams ${randomUUID().slice(0, 8)}`,
      type: 'engagement',
      direction: 'increase',
      baselineValue: 100,
      targetValue: 200,
      frequency: 'daily',
      objectiveId: objective.id,
      isPrimary: true,
    });
    const values = Array.from({ length: 41 }, (_, i) => ({
      date: daysAgo(40 - i),
      value: i === 40 ? last : 100 + ((i * 7) % 5) - 2,
    }));
    await admin.expect(200, 'POST', `/north-star-metrics/${metric.id}/values`, { values });
    return metric.id;
  }

  it('delivers one business alert to Slack, however often the anomalies are read', async () => {
    const metricId = await primaryMetricEndingWith(900);
    const anomalies = await admin.expect<{ flagged: number; values: Array<{ measuredOn: string; flagged: boolean }> }>(
      200,
      'GET',
      `/north-star-metrics/${metricId}/anomalies`,
    );
    // The real model found the planted spike, today's value.
    expect(anomalies.flagged).toBeGreaterThanOrEqual(1);
    expect(anomalies.values.find((value) => value.measuredOn === daysAgo(0))?.flagged).toBe(true);

    const [post] = await waitFor(() => anomalyPosts(metricId).length > 0 && anomalyPosts(metricId), {
      what: `the anomaly alert in Slack (${suite.logs()})`,
      timeoutMs: 30_000,
      intervalMs: 250,
    });
    expect(post!.body.text).toContain('[FIRING');

    // Users read the anomalies again; then a second metric's anomaly goes the same way. Once that one
    // is in Slack, anything the re-reads raised would have been delivered too: there is none.
    for (let read = 0; read < 3; read++)
      expect((await admin.call('GET', `/north-star-metrics/${metricId}/anomalies`)).status).toBe(200);
    const secondId = await primaryMetricEndingWith(5);
    expect((await admin.call('GET', `/north-star-metrics/${secondId}/anomalies`)).status).toBe(200);
    await waitFor(() => anomalyPosts(secondId).length > 0, {
      what: "the second metric's anomaly alert in Slack",
      timeoutMs: 30_000,
      intervalMs: 250,
    });
    expect(anomalyPosts(metricId)).toHaveLength(1);
    expect(anomalyPosts(secondId)).toHaveLength(1);
  });
});
