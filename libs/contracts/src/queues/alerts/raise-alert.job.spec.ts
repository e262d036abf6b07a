import { raiseAlertJob, type RaiseAlertPayload } from './raise-alert.job';

const FIRING: RaiseAlertPayload = {
  alertname: 'QueueWorkerStalled',
  severity: 'critical',
  status: 'firing',
  labels: { queue: 'predictions' },
  annotations: { summary: 'Queue predictions: jobs wait', description: 'No worker finished a job for 10 min.' },
  startsAt: '2026-03-01T10:00:00.000Z',
  fingerprint: '3f2a9c0d11e4b5a7',
  source: 'inference',
};

describe('raise-alert job', () => {
  it('accepts an Alertmanager-shaped alert', () => {
    expect(raiseAlertJob.payload.parse(FIRING)).toEqual(FIRING);
  });

  it.each([
    ['an unknown severity', { ...FIRING, severity: 'page' }, 'severity'],
    ['a resolved alert without endsAt', { ...FIRING, status: 'resolved' }, 'endsAt'],
    ['an end before the start', { ...FIRING, endsAt: '2026-03-01T09:00:00.000Z' }, 'endsAt'],
    ['a fingerprint that is not hex', { ...FIRING, fingerprint: 'not-a-fingerprint' }, 'fingerprint'],
    ['a missing summary', { ...FIRING, annotations: { description: 'x' } }, 'annotations'],
  ])('refuses %s', (_case, payload, path) => {
    const parsed = raiseAlertJob.payload.safeParse(payload);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path[0])).toContain(path);
  });

  it('dedupes on fingerprint, status and start, with an id BullMQ accepts', () => {
    const id = raiseAlertJob.jobId?.(FIRING);
    expect(id).toBe(`3f2a9c0d11e4b5a7-firing-${Date.parse(FIRING.startsAt)}`);
    expect(id).not.toContain(':');
    const resolved = { ...FIRING, status: 'resolved' as const, endsAt: '2026-03-01T10:30:00.000Z' };
    expect(raiseAlertJob.jobId?.(resolved)).not.toBe(id);
  });

  it('retries with jittered backoff and keeps finished jobs by age and count', () => {
    expect(raiseAlertJob.defaults).toMatchObject({
      attempts: expect.any(Number),
      backoff: { type: 'exponential', jitter: expect.any(Number) },
      removeOnComplete: { age: expect.any(Number), count: expect.any(Number) },
      removeOnFail: { age: expect.any(Number), count: expect.any(Number) },
    });
    expect(raiseAlertJob.defaults.attempts).toBeGreaterThan(1);
  });
});
