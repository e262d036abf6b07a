import { DataSource } from 'typeorm';

// What the seed wrote for the demo organisation, reduced to comparable rows (no ids, no wall-clock times).
export async function demoFingerprint(db: DataSource): Promise<Record<string, unknown[]>> {
  const q = (sql: string) => db.query<unknown[]>(sql);
  return {
    objectives: await q(`
      SELECT o.name, o.objective_type, o.status, o.priority, o.start_date::text, o.target_date::text, p.name AS parent
      FROM strategic_objectives o LEFT JOIN strategic_objectives p ON p.id = o.parent_id
      WHERE o.organization_id = 'demo' ORDER BY o.name`),
    metrics: await q(`
      SELECT m.code, m.name, m.metric_type, m.direction, m.measurement_frequency, m.is_primary, m.current_value,
             round(m.health_score::numeric, 6) AS health, m.health_band, o.name AS objective,
             count(v.*)::int AS values, round(sum(v.value)::numeric, 3) AS total, min(v.measured_on)::text AS first, max(v.measured_on)::text AS last
      FROM north_star_metrics m LEFT JOIN metric_values v ON v.metric_id = m.id LEFT JOIN strategic_objectives o ON o.id = m.objective_id
      WHERE m.organization_id = 'demo' GROUP BY m.id, o.name ORDER BY m.code`),
    okrs: await q(`
      SELECT k.code, k.objective, k.period_type, k.period_start::text, k.period_end::text, k.owner, k.status,
             round(k.progress::numeric, 6) AS progress, round(k.final_score::numeric, 6) AS final_score, p.code AS parent, s.name AS goal
      FROM okrs k LEFT JOIN okrs p ON p.id = k.parent_okr_id LEFT JOIN strategic_objectives s ON s.id = k.strategic_objective_id
      WHERE k.organization_id = 'demo' ORDER BY k.code`),
    keyResults: await q(`
      SELECT k.code, r.statement, r.kr_type, r.baseline_value, r.target_value, r.current_value, r.weight, r.owner, r.status,
             round(r.progress::numeric, 6) AS progress, count(c.*)::int AS check_ins, round(sum(c.value)::numeric, 3) AS total,
             round(sum(c.confidence)::numeric, 3) AS confidence, min(c.checked_in_at) AS first, max(c.checked_in_at) AS last,
             string_agg(DISTINCT c.author, ',') AS authors
      FROM key_results r JOIN okrs k ON k.id = r.okr_id LEFT JOIN key_result_check_ins c ON c.key_result_id = r.id
      WHERE r.organization_id = 'demo' GROUP BY k.code, r.id ORDER BY k.code, r.statement`),
    requirements: await q(`
      SELECT r.code, r.title, r.requirement_type, r.category, r.requester, r.approver, r.status, r.priority, r.required_by::text,
             r.decision_reason, o.name AS objective
      FROM decision_requirements r LEFT JOIN strategic_objectives o ON o.id = r.objective_id
      WHERE r.organization_id = 'demo' ORDER BY r.code`),
  };
}

export async function demoCounts(db: DataSource): Promise<Record<string, number>> {
  const [row] = await db.query<Record<string, number>[]>(`
    SELECT (SELECT count(*) FROM strategic_objectives)::int AS objectives,
           (SELECT count(*) FROM north_star_metrics)::int AS metrics,
           (SELECT count(*) FROM metric_values)::int AS values,
           (SELECT count(*) FROM okrs)::int AS okrs,
           (SELECT count(*) FROM key_results)::int AS key_results,
           (SELECT count(*) FROM key_result_check_ins)::int AS check_ins,
           (SELECT count(*) FROM decision_requirements)::int AS requirements`);
  return row ?? {};
}
