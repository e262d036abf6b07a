import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { alertGroupFromWebhook } from './alertmanager-group.mapper';
import { alertmanagerWebhookSchema } from './alertmanager-webhook.schema';

// A real payload from the shipped Alertmanager configuration.
const SAMPLE = join(__dirname, '..', '..', '..', '..', '..', 'deploy', 'test', 'alertmanager-webhook.sample.json');

describe('alertGroupFromWebhook', () => {
  it("reads Alertmanager's own payload and drops the zero end time of a firing alert", () => {
    const webhook = alertmanagerWebhookSchema.parse(JSON.parse(readFileSync(SAMPLE, 'utf8')));
    const group = alertGroupFromWebhook(webhook);
    expect(group).toMatchObject({
      source: 'alertmanager',
      receiver: 'qbm-critical',
      status: 'firing',
      truncatedAlerts: 0,
    });
    expect(group.alerts[0]).toMatchObject({
      status: 'firing',
      fingerprint: 'fec3f7a3977934f8',
      startsAt: '2026-11-28T21:14:09.356Z',
    });
    expect(group.alerts[0]?.endsAt).toBeUndefined();
  });

  it('keeps the end of a resolved alert and lets unknown fields through', () => {
    const webhook = alertmanagerWebhookSchema.parse({
      version: '4',
      groupKey: 'k',
      status: 'resolved',
      receiver: 'qbm-warning',
      groupLabels: {},
      commonLabels: {},
      commonAnnotations: {},
      futureField: true,
      alerts: [
        {
          status: 'resolved',
          labels: {},
          annotations: {},
          startsAt: '2026-11-28T21:00:00Z',
          endsAt: '2026-11-28T22:00:00Z',
          fingerprint: 'ab12',
        },
      ],
    });
    expect(alertGroupFromWebhook(webhook).alerts[0]?.endsAt).toBe('2026-11-28T22:00:00Z');
  });
});
