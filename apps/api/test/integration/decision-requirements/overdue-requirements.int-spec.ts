import { QueueRegistry } from '@qbm/queues';
import type { RaiseAlertPayload } from '@qbm/contracts';
import { OverdueRequirementsMonitor } from '../../../src/modules/decision-requirements/overdue/overdue-requirements.monitor';
import { useBearer, useTestApp } from '../../setup/use-test-app';
import { RequirementJson } from './requirement-json';

const URL = '/api/v1/decision-requirements';

// The monitor against the real database and Redis: what it enqueues on the `alerts` queue for the
// notifier, scan after scan, as requirements pass their date and are then settled.
describe('overdue decision requirements raise internal alerts', () => {
  const t = useTestApp();
  const ann = useBearer(t, 'acme', 'editor', 'ann');
  const bob = useBearer(t, 'acme', 'editor', 'bob');
  const monitor = () => t.app.get(OverdueRequirementsMonitor);

  async function requirement(type: string, requiredBy: string | null, status: 'draft' | 'submitted'): Promise<string> {
    const response = await t.app.inject({
      method: 'POST',
      url: URL,
      headers: ann,
      payload: { title: `Decide ${type}`, type, category: 'growth', priority: 3, requiredBy: '2099-01-01' },
    });
    expect(response.statusCode).toBe(201);
    const { id } = response.json<RequirementJson>();
    if (status === 'submitted') {
      expect((await t.app.inject({ method: 'POST', url: `${URL}/${id}/submit`, headers: ann })).statusCode).toBe(200);
    }
    // The API does not take a date in the past; time passing does it here.
    await t.dataSource.query(`UPDATE decision_requirements SET required_by = $2 WHERE id = $1`, [id, requiredBy]);
    return id;
  }

  async function alerts(): Promise<RaiseAlertPayload[]> {
    const jobs = await t.app.get(QueueRegistry).get('alerts').getJobs(['waiting', 'delayed', 'prioritized']);
    return jobs
      .map((job) => job.data as RaiseAlertPayload & { requestId?: string })
      .map(({ requestId: _requestId, ...alert }) => alert)
      .sort((a, b) =>
        `${a.labels.requirement_code}${a.status}`.localeCompare(`${b.labels.requirement_code}${b.status}`),
      );
  }

  it('fires once for each open requirement past its day, and for nothing else', async () => {
    const late = await requirement('tactical', '2026-01-05', 'submitted');
    const lateEmergency = await requirement('emergency', '2026-01-06', 'draft');
    await requirement('strategic', '2099-01-01', 'submitted');
    await requirement('strategic', null, 'submitted');
    const today = new Date().toISOString().slice(0, 10);
    await requirement('operational', today, 'submitted');

    expect(await monitor().scan({ force: true })).toEqual({ ran: true, fired: 2, resolved: 0 });
    const raised = await alerts();
    expect(raised.map((a) => [a.labels.requirement_id, a.status, a.severity, a.startsAt])).toEqual(
      expect.arrayContaining([
        [late, 'firing', 'warning', '2026-01-06T00:00:00.000Z'],
        [lateEmergency, 'firing', 'critical', '2026-01-07T00:00:00.000Z'],
      ]),
    );
    expect(raised).toHaveLength(2);
    expect(raised[0]).toMatchObject({ alertname: 'DecisionRequirementOverdue', source: 'api' });

    // Scanned again: nothing new; the rows remember the open alert.
    expect(await monitor().scan({ force: true })).toEqual({ ran: true, fired: 0, resolved: 0 });
    expect(await alerts()).toHaveLength(2);
  });

  it('resolves when the requirement is decided, or given a later date, once', async () => {
    const approved = await requirement('tactical', '2026-01-05', 'submitted');
    const moved = await requirement('strategic', '2026-01-05', 'submitted');
    expect((await monitor().scan({ force: true })).fired).toBe(2);

    const decision = await t.app.inject({ method: 'POST', url: `${URL}/${approved}/approve`, headers: bob });
    expect(decision.statusCode).toBe(200);
    await t.dataSource.query(`UPDATE decision_requirements SET required_by = '2099-12-31' WHERE id = $1`, [moved]);

    expect(await monitor().scan({ force: true })).toEqual({ ran: true, fired: 0, resolved: 2 });
    const resolved = (await alerts()).filter((a) => a.status === 'resolved');
    expect(resolved.map((a) => a.labels.requirement_id).sort()).toEqual([approved, moved].sort());
    const resolvedApproval = resolved.find((a) => a.labels.requirement_id === approved);
    expect(resolvedApproval).toMatchObject({
      startsAt: '2026-01-06T00:00:00.000Z',
      endsAt: new Date(decision.json<{ decidedAt: string }>().decidedAt).toISOString(),
    });
    expect(await monitor().scan({ force: true })).toEqual({ ran: true, fired: 0, resolved: 0 });
  });

  it('lets one replica scan per interval', async () => {
    expect((await monitor().scan()).ran).toBe(true);
    expect((await monitor().scan()).ran).toBe(false);
  });
});
