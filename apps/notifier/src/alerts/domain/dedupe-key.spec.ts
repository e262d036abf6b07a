import type { Alert } from './alert-group';
import { dedupeKey } from './dedupe-key';
import { groupSeverity } from './group-severity';

const alert = (fingerprint: string, extra: Partial<Alert> = {}): Alert => ({
  status: 'firing',
  labels: {},
  annotations: {},
  startsAt: '2026-11-28T21:14:09Z',
  fingerprint,
  ...extra,
});

describe('dedupeKey', () => {
  const base = { groupKey: '{}:{alertname="X"}', status: 'firing' as const, alerts: [alert('a1'), alert('b2')] };

  it('is the same for the same alerts in any order', () => {
    expect(dedupeKey({ ...base, alerts: [alert('b2'), alert('a1')] })).toBe(dedupeKey(base));
  });

  it('changes with the status, an added alert, a new firing or an end', () => {
    const key = dedupeKey(base);
    expect(dedupeKey({ ...base, status: 'resolved' })).not.toBe(key);
    expect(dedupeKey({ ...base, alerts: [...base.alerts, alert('c3')] })).not.toBe(key);
    expect(dedupeKey({ ...base, alerts: [alert('a1', { startsAt: '2026-11-29T00:00:00Z' }), alert('b2')] })).not.toBe(
      key,
    );
    expect(dedupeKey({ ...base, alerts: [alert('a1', { endsAt: '2026-11-29T00:00:00Z' }), alert('b2')] })).not.toBe(
      key,
    );
    expect(dedupeKey({ ...base, groupKey: '{}:{alertname="Y"}' })).not.toBe(key);
  });
});

describe('groupSeverity', () => {
  it('takes the most severe alert, else the receiver, else warning', () => {
    const labelled = (severity: string): Alert => alert('a', { labels: { severity } });
    expect(groupSeverity({ receiver: 'qbm-warning', alerts: [labelled('info'), labelled('critical')] })).toBe(
      'critical',
    );
    expect(groupSeverity({ receiver: 'qbm-critical', alerts: [alert('a')] })).toBe('critical');
    expect(groupSeverity({ receiver: 'ops', alerts: [labelled('page-me')] })).toBe('warning');
  });
});
