import { raiseAlertJob } from '@qbm/contracts';
import { overdueFingerprint, overdueRequirementAlert, overdueSince, type OverdueRequirementRow } from './overdue-alert';

const row: OverdueRequirementRow = {
  id: '5b0f8a52-54a4-4e4f-9d53-0a1c7d1e2f10',
  organizationId: 'acme',
  code: 'DR-7',
  title: 'Pick the cloud region',
  type: 'tactical',
  status: 'submitted',
  requiredBy: '2026-03-10',
};

describe('overdue requirement alert', () => {
  it('is overdue from midnight UTC after the required-by day', () => {
    expect(overdueSince('2026-03-10').toISOString()).toBe('2026-03-11T00:00:00.000Z');
    expect(overdueSince('2024-02-28').toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });

  it('fires a warning that the alerts job accepts, with a stable fingerprint per requirement', () => {
    const alert = overdueRequirementAlert(row, { status: 'firing' });
    expect(raiseAlertJob.payload.parse(alert)).toEqual(alert);
    expect(alert).toMatchObject({
      severity: 'warning',
      status: 'firing',
      startsAt: '2026-03-11T00:00:00.000Z',
      labels: { organization: 'acme', requirement_code: 'DR-7' },
    });
    expect(alert.fingerprint).toBe(overdueFingerprint(row.id));
    expect(overdueFingerprint(row.id)).not.toBe(overdueFingerprint('another'));
  });

  it('is critical for an emergency', () => {
    expect(overdueRequirementAlert({ ...row, type: 'emergency' }, { status: 'firing' }).severity).toBe('critical');
  });

  it('resolves with the firing startsAt and an endsAt not before it', () => {
    const startsAt = new Date('2026-03-11T00:00:00.000Z');
    const resolved = overdueRequirementAlert(
      { ...row, status: 'approved' },
      { status: 'resolved', startsAt, endsAt: new Date('2026-03-12T09:00:00.000Z') },
    );
    expect(raiseAlertJob.payload.parse(resolved)).toEqual(resolved);
    expect(resolved).toMatchObject({ startsAt: startsAt.toISOString(), endsAt: '2026-03-12T09:00:00.000Z' });
    const early = overdueRequirementAlert(row, { status: 'resolved', startsAt, endsAt: new Date('2026-03-01') });
    expect(early.endsAt).toBe(startsAt.toISOString());
  });

  it('cannot fire for a requirement without a date', () => {
    expect(() => overdueRequirementAlert({ ...row, requiredBy: null }, { status: 'firing' })).toThrow(/no required-by/);
  });
});
