import { randomBytes } from 'node:crypto';
import type { RaiseAlertPayload } from '@qbm/contracts';

// A valid raise-alert payload; each call gets its own fingerprint, so dedupe never joins two tests.
export function firingAlert(overrides: Partial<RaiseAlertPayload> = {}): RaiseAlertPayload {
  return {
    alertname: 'QueueWorkerStalled',
    severity: 'critical',
    status: 'firing',
    labels: { queue: 'predictions' },
    annotations: { summary: 'Jobs wait', description: 'No worker finished a job for 10 min.' },
    startsAt: '2026-03-01T10:00:00.000Z',
    fingerprint: randomBytes(8).toString('hex'),
    source: 'inference',
    ...overrides,
  };
}
