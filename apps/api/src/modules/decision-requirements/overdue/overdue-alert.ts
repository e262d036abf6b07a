import { createHash } from 'node:crypto';
import type { RaiseAlertPayload } from '@qbm/contracts';
import type { RequirementStatus, RequirementType } from '../entities/decision-requirement.entity';

export const OVERDUE_ALERT_NAME = 'DecisionRequirementOverdue';

// What the monitor reads of a requirement to raise or resolve its alert.
export interface OverdueRequirementRow {
  id: string;
  organizationId: string;
  code: string;
  title: string;
  type: RequirementType;
  status: RequirementStatus;
  // YYYY-MM-DD, or null once the date was removed.
  requiredBy: string | null;
}

// A requirement is overdue from the first instant after its required-by day, in UTC.
export function overdueSince(requiredBy: string): Date {
  const day = new Date(`${requiredBy}T00:00:00.000Z`);
  return new Date(day.getTime() + 24 * 3600 * 1000);
}

// Stable across scans and restarts, so the notifier deduplicates a re-sent notice.
export function overdueFingerprint(requirementId: string): string {
  return createHash('sha256').update(`${OVERDUE_ALERT_NAME}:${requirementId}`).digest('hex').slice(0, 16);
}

// The internal alert for an overdue requirement: firing while it is open past its date, resolved
// (with endsAt) once it is decided, cancelled or given a later date. Emergencies are critical.
export function overdueRequirementAlert(
  row: OverdueRequirementRow,
  state: { status: 'firing' } | { status: 'resolved'; startsAt: Date; endsAt: Date },
): RaiseAlertPayload {
  const startsAt = state.status === 'firing' ? overdueSince(requiredByOf(row)) : state.startsAt;
  const due = row.requiredBy ?? 'no date';
  return {
    alertname: OVERDUE_ALERT_NAME,
    severity: row.type === 'emergency' ? 'critical' : 'warning',
    status: state.status,
    labels: {
      organization: row.organizationId,
      requirement_id: row.id,
      requirement_code: row.code,
      requirement_type: row.type,
    },
    annotations: {
      summary: `Decision requirement ${row.code} is past its required-by date (${due})`,
      description:
        state.status === 'firing'
          ? `"${row.title}" was to be decided by ${due} and is still ${row.status}.`
          : `"${row.title}" is no longer overdue: it is ${row.status}, required by ${due}.`,
    },
    startsAt: startsAt.toISOString(),
    ...(state.status === 'resolved' ? { endsAt: maxDate(state.endsAt, startsAt).toISOString() } : {}),
    fingerprint: overdueFingerprint(row.id),
    source: 'api',
  };
}

function requiredByOf(row: OverdueRequirementRow): string {
  if (row.requiredBy === null) throw new Error(`requirement ${row.id} has no required-by date to be overdue from`);
  return row.requiredBy;
}

function maxDate(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}
