import { seedCommand } from '../../../src/cli/commands/seed.command';
import { CliUsageError } from '../../../src/cli/cli-usage.error';
import { addDays, isoDate, utcDay } from '../../../src/cli/seed/calendar-dates';
import { seedDemoOrganisation, SeedSummary } from '../../../src/cli/seed/demo-seeder';
import { useTestApp } from '../../setup/use-test-app';
import { demoCounts, demoFingerprint } from './seed-fingerprint';

// One seed is shared by the tests below (it takes tens of seconds); the last test seeds a second time.
describe('qbm seed', () => {
  const SEED_TIMEOUT = 240_000;
  const today = utcDay(new Date());
  const lines: string[] = [];
  const log = (line: string) => void lines.push(line);
  const t = useTestApp({ truncate: 'once' });
  let summary: SeedSummary | null;

  beforeAll(async () => {
    summary = await seedDemoOrganisation(t.app, { today, log });
  }, SEED_TIMEOUT);

  const rows = <T>(sql: string) => t.dataSource.query<T[]>(sql);

  it('reports what it wrote in one line, matching the database', async () => {
    expect(summary).not.toBeNull();
    const counts = await demoCounts(t.dataSource);
    expect(summary?.objectives).toBe(counts.objectives);
    expect(summary?.metrics.values).toBe(counts.values);
    expect(summary?.okrs.okrs).toBe(counts.okrs);
    expect(summary?.okrs.checkIns).toBe(counts.check_ins);
    expect(summary?.requirements.requirements).toBe(counts.requirements);
    expect(lines.filter((l) => l.startsWith('seed: organisation "demo" filled with'))).toHaveLength(1);
    expect(lines.at(-1)).toMatch(/ in \d+\.\d s \(/);
  });

  it('builds an objectives tree with every type and a mix of statuses', async () => {
    const types = await rows<{ objective_type: string; n: number }>(
      `SELECT objective_type, count(*)::int AS n FROM strategic_objectives WHERE organization_id = 'demo' GROUP BY 1 ORDER BY 1`,
    );
    expect(types).toEqual([
      { objective_type: 'mission', n: 1 },
      { objective_type: 'strategic_goal', n: 13 },
      { objective_type: 'value', n: 4 },
      { objective_type: 'vision', n: 1 },
    ]);
    const statuses = await rows<{ status: string }>(`SELECT DISTINCT status FROM strategic_objectives ORDER BY 1`);
    expect(statuses.map((s) => s.status)).toEqual(['active', 'archived', 'cancelled', 'completed']);
    const subGoals = await rows<{ n: number }>(`
      SELECT count(*)::int AS n FROM strategic_objectives c JOIN strategic_objectives p ON p.id = c.parent_id
      WHERE c.objective_type = 'strategic_goal' AND p.objective_type = 'strategic_goal'`);
    expect(subGoals[0]?.n).toBeGreaterThanOrEqual(4);
  });

  it('gives 20+ metrics of every type and direction a year of values on their cadence, with health computed', async () => {
    const metrics = await rows<{
      code: string;
      metric_type: string;
      direction: string;
      measurement_frequency: string;
      is_primary: boolean;
      health_score: number | null;
      health_band: string | null;
      current_value: number | null;
      values: number;
      days: number;
    }>(`
      SELECT m.code, m.metric_type, m.direction, m.measurement_frequency, m.is_primary, m.health_score, m.health_band, m.current_value,
             count(v.*)::int AS values, (max(v.measured_on) - min(v.measured_on))::int AS days
      FROM north_star_metrics m LEFT JOIN metric_values v ON v.metric_id = m.id
      WHERE m.organization_id = 'demo' GROUP BY m.id ORDER BY m.code`);
    expect(metrics.length).toBeGreaterThanOrEqual(20);
    expect(metrics.every((m) => /^NSM-\d{6}$/.test(m.code))).toBe(true);
    expect(new Set(metrics.map((m) => m.metric_type))).toEqual(
      new Set(['revenue', 'growth', 'engagement', 'retention', 'custom']),
    );
    expect(new Set(metrics.map((m) => m.direction))).toEqual(new Set(['increase', 'decrease', 'maintain']));
    expect(metrics.filter((m) => m.is_primary)).toHaveLength(1);
    const minimum = { daily: 300, weekly: 50, monthly: 12 } as Record<string, number>;
    for (const m of metrics) {
      expect(m.values).toBeGreaterThanOrEqual(minimum[m.measurement_frequency] ?? Infinity);
      expect(m.days).toBeGreaterThanOrEqual(330);
      expect(m.health_score).toEqual(expect.any(Number));
      expect(m.health_band).toEqual(expect.any(String));
      expect(m.current_value).toEqual(expect.any(Number));
    }
    expect(metrics.filter((m) => m.measurement_frequency === 'daily').length).toBeGreaterThanOrEqual(10);
    expect(new Set(metrics.map((m) => m.health_band)).size).toBeGreaterThan(1);
    const [latest] = await rows<{ last: string }>(`SELECT max(measured_on)::text AS last FROM metric_values`);
    expect(latest?.last).toBe(isoDate(addDays(today, -1)));
  });

  it('spreads 50+ OKRs over calendar quarters in every status, closed ones scored by their progress', async () => {
    const okrs = await rows<{
      code: string;
      status: string;
      period_type: string;
      period_start: string;
      progress: number;
      final_score: number | null;
      key_results: number;
      weights: number;
      check_ins: number;
    }>(`
      SELECT k.code, k.status, k.period_type, k.period_start::text, k.progress, k.final_score,
             (SELECT count(*)::int FROM key_results r WHERE r.okr_id = k.id) AS key_results,
             (SELECT sum(weight)::float FROM key_results r WHERE r.okr_id = k.id) AS weights,
             (SELECT count(*)::int FROM key_result_check_ins c JOIN key_results r ON r.id = c.key_result_id WHERE r.okr_id = k.id) AS check_ins
      FROM okrs k WHERE k.organization_id = 'demo' ORDER BY k.code`);
    expect(okrs.length).toBeGreaterThanOrEqual(50);
    expect(okrs.every((o) => /^OKR-\d{4}Q[1-4]-\d{3}$/.test(o.code))).toBe(true);
    expect(new Set(okrs.map((o) => o.status))).toEqual(
      new Set(['draft', 'active', 'completed', 'failed', 'cancelled']),
    );
    expect(new Set(okrs.filter((o) => o.period_type === 'quarterly').map((o) => o.period_start)).size).toBe(6);
    expect(okrs.filter((o) => o.period_type === 'annual').length).toBeGreaterThanOrEqual(3);
    for (const o of okrs) {
      expect(o.key_results).toBeGreaterThanOrEqual(2);
      expect(o.key_results).toBeLessThanOrEqual(4);
      expect(o.weights).toBe(100);
      if (o.status === 'completed' || o.status === 'failed') {
        expect(o.final_score).toBeCloseTo(o.progress, 9);
        expect(o.check_ins).toBeGreaterThan(0);
        if (o.status === 'completed') expect(o.final_score).toBeGreaterThanOrEqual(0.7);
        else expect(o.final_score).toBeLessThan(0.7);
      } else {
        expect(o.final_score).toBeNull();
      }
      if (o.status === 'draft') expect(o.check_ins).toBe(0);
    }
    const closed = okrs.filter((o) => o.status === 'completed' || o.status === 'failed');
    expect(closed.length).toBeGreaterThanOrEqual(30);
    expect(okrs.filter((o) => o.status === 'completed').length).toBeGreaterThan(closed.length * 0.4);
    expect(okrs.filter((o) => o.status === 'failed').length).toBeGreaterThan(closed.length * 0.1);
    expect(okrs.filter((o) => o.status === 'cancelled').length).toBeGreaterThanOrEqual(3);
  });

  it("back-dates check-ins inside each period, written by the key results' owners", async () => {
    const [checkIns] = await rows<{ n: number; authors: number; outside: number; future: number; varied: number }>(`
      SELECT count(*)::int AS n, count(DISTINCT c.author)::int AS authors,
             count(*) FILTER (WHERE c.checked_in_at::date < k.period_start OR c.checked_in_at::date > k.period_end)::int AS outside,
             count(*) FILTER (WHERE c.checked_in_at > now())::int AS future,
             count(DISTINCT c.confidence)::int AS varied
      FROM key_result_check_ins c JOIN key_results r ON r.id = c.key_result_id JOIN okrs k ON k.id = r.okr_id
      WHERE c.organization_id = 'demo'`);
    expect(checkIns?.n).toBeGreaterThan(1000);
    expect(checkIns?.authors).toBeGreaterThan(10);
    expect(checkIns?.outside).toBe(0);
    expect(checkIns?.future).toBe(0);
    expect(checkIns?.varied).toBeGreaterThan(20);
    const [wrongAuthor] = await rows<{ n: number }>(`
      SELECT count(*)::int AS n FROM key_result_check_ins c JOIN key_results r ON r.id = c.key_result_id WHERE c.author <> r.owner`);
    expect(wrongAuthor?.n).toBe(0);
  });

  it('has decision requirements of every type in every state, decided by someone other than the requester', async () => {
    const requirements = await rows<{
      requirement_type: string;
      status: string;
      requester: string;
      approver: string | null;
      decided_at: Date | null;
    }>(`
      SELECT requirement_type, status, requester, approver, decided_at FROM decision_requirements WHERE organization_id = 'demo'`);
    expect(new Set(requirements.map((r) => r.status))).toEqual(
      new Set(['draft', 'submitted', 'approved', 'rejected', 'cancelled']),
    );
    expect(new Set(requirements.map((r) => r.requirement_type))).toEqual(
      new Set(['strategic', 'tactical', 'operational', 'emergency']),
    );
    for (const r of requirements.filter((x) => x.status === 'approved' || x.status === 'rejected')) {
      expect(r.approver).toEqual(expect.any(String));
      expect(r.approver).not.toBe(r.requester);
      expect(r.decided_at).not.toBeNull();
    }
  });

  it(
    'leaves an organisation that already has data alone, and takes no arguments',
    async () => {
      const before = await demoCounts(t.dataSource);
      await seedCommand(t.config, [], log);
      expect(lines.at(-1)).toBe('seed: demo data already present');
      expect(await demoCounts(t.dataSource)).toEqual(before);
      await expect(seedCommand(t.config, ['--force'], log)).rejects.toBeInstanceOf(CliUsageError);
    },
    SEED_TIMEOUT,
  );

  it(
    'writes the same data again into an emptied database',
    async () => {
      const first = await demoFingerprint(t.dataSource);
      await t.truncate();
      const again = await seedDemoOrganisation(t.app, { today, log });
      expect(again?.okrs).toEqual(summary?.okrs);
      expect(await demoFingerprint(t.dataSource)).toEqual(first);
    },
    SEED_TIMEOUT,
  );
});
