import { performance } from 'node:perf_hooks';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TokenService } from '@qbm/http';
import { REQUIREMENT_STATUSES } from '../../modules/decision-requirements/entities/decision-requirement.entity';
import { OKR_STATUSES } from '../../modules/okrs/entities/okr.entity';
import { utcDay } from './calendar-dates';
import { DemoApiClient } from './demo-api.client';
import { planDemoOkrs } from './okr-plan';
import { MetricsSeeded, seedMetrics } from './seed-metrics.step';
import { seedObjectives } from './seed-objectives.step';
import { OkrsSeeded, seedOkrs } from './seed-okrs.step';
import { RequirementsSeeded, seedRequirements } from './seed-requirements.step';

export const DEMO_ORGANIZATION = 'demo';

export interface SeedSummary {
  objectives: number;
  metrics: MetricsSeeded;
  okrs: OkrsSeeded;
  requirements: RequirementsSeeded;
  requests: number;
  elapsedMs: number;
}

export interface SeedOptions {
  log: (line: string) => void;
  today?: Date; // "now" for the demo's relative dates; tests pin it
}

// Fills an empty demo organisation through the REST API of a booted app. Returns null, touching nothing,
// when the organisation already has objectives: the seed never overwrites or deletes.
export async function seedDemoOrganisation(
  app: NestFastifyApplication,
  options: SeedOptions,
): Promise<SeedSummary | null> {
  const started = performance.now();
  const api = new DemoApiClient(app, app.get(TokenService), DEMO_ORGANIZATION, options.log);
  const existing = await api.get<{ data: unknown[] }>('ceo@demo', '/api/v1/objectives?size=1');
  if (existing.data.length > 0) {
    options.log('seed: demo data already present');
    return null;
  }
  const today = utcDay(options.today ?? new Date());
  const goals = await seedObjectives(api, today);
  const metrics = await seedMetrics(api, goals, today);
  const okrs = await seedOkrs(api, goals, planDemoOkrs(today));
  const requirements = await seedRequirements(api, goals, today);
  const summary = {
    objectives: goals.size,
    metrics,
    okrs,
    requirements,
    requests: api.requests,
    elapsedMs: performance.now() - started,
  };
  options.log(describe(summary));
  return summary;
}

function describe(s: SeedSummary): string {
  const n = (value: number) => value.toLocaleString('en-US');
  const states = (order: readonly string[], counts: Record<string, number>) =>
    order
      .filter((status) => counts[status])
      .map((status) => `${counts[status]} ${status}`)
      .join(', ');
  return (
    `seed: organisation "${DEMO_ORGANIZATION}" filled with ${s.objectives} objectives, ` +
    `${s.metrics.metrics} metrics (${n(s.metrics.values)} values, ${s.metrics.anomalies} planted anomalies), ` +
    `${s.okrs.okrs} OKRs (${s.okrs.keyResults} key results, ${n(s.okrs.checkIns)} check-ins; ${states(OKR_STATUSES, s.okrs.byStatus)}; ` +
    `${s.okrs.replayedPredictions} past predictions replayed into the quality ledger), ` +
    `${s.requirements.requirements} requirements (${states(REQUIREMENT_STATUSES, s.requirements.byStatus)}) ` +
    `in ${(s.elapsedMs / 1000).toFixed(1)} s (${n(s.requests)} requests)`
  );
}
