import { createHash } from 'node:crypto';
import type { AlertGroup } from './alert-group';

// Two notifications are the same when they describe the same group, in the same state, with the
// same alerts at the same times: Alertmanager's repeat of a group, or an HA pair sending it twice.
// A new alert in the group, a resolved one, or a fresh firing (new startsAt) makes a new key.
export function dedupeKey(group: Pick<AlertGroup, 'groupKey' | 'status' | 'alerts'>): string {
  const alerts = group.alerts
    .map((alert) => `${alert.fingerprint}@${alert.startsAt}/${alert.endsAt ?? ''}`)
    .sort()
    .join(',');
  return createHash('sha256').update(`${group.groupKey}\n${group.status}\n${alerts}`).digest('hex');
}
