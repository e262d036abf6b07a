import { addDays, isoDate, Period, quarterOf, yearOf } from './calendar-dates';
import { ObjectiveKey } from './demo-objectives.catalogue';
import { ANNUAL_OKRS, DemoOkrTemplate, QUARTERLY_OKRS } from './demo-okrs.catalogue';
import { periodTargets, PlannedKeyResult, planKeyResult } from './key-result-history';
import { SeededRandom } from './seeded-random';

// scored: closed when its period ended, completed or failed by the progress the API reports.
export type OkrFate = 'draft' | 'active' | 'scored' | 'cancelled';

export interface PlannedOkr {
  key: string;
  objective: string;
  goal: ObjectiveKey;
  parent?: string;
  periodType: 'quarterly' | 'annual';
  periodStart: string;
  periodEnd: string;
  owner: string;
  fate: OkrFate;
  keyResults: PlannedKeyResult[];
}

const TEAM_OKRS_PER_QUARTER = 12;
const DRAFTS_NEXT_QUARTER = 4;

// Last year's and this year's company OKRs, then four closed quarters, the current one and drafts for the next.
export function planDemoOkrs(today: Date): PlannedOkr[] {
  const yesterday = addDays(today, -1);
  const plans: PlannedOkr[] = [];
  ANNUAL_OKRS.slice(0, 2).forEach((t) => plans.push(planOkr(t, 'annual', yearOf(today, -1), -1, 'scored', yesterday)));
  ANNUAL_OKRS.forEach((t) => plans.push(planOkr(t, 'annual', yearOf(today), 0, 'active', yesterday)));
  for (let offset = -4; offset <= 1; offset++) {
    const quarter = quarterOf(today, offset);
    teamsFor(offset).forEach((template, i) => {
      const fate: OkrFate =
        offset === 1
          ? 'draft'
          : i === ((offset + 4) * 5) % TEAM_OKRS_PER_QUARTER
            ? 'cancelled'
            : offset < 0
              ? 'scored'
              : 'active';
      const okr = planOkr(template, 'quarterly', quarter, offset, fate, yesterday);
      const parent = plans.find(
        (p) =>
          p.periodType === 'annual' && p.goal === okr.goal && p.periodStart.slice(0, 4) === okr.periodStart.slice(0, 4),
      );
      plans.push(parent ? { ...okr, parent: parent.key } : okr);
    });
  }
  return plans;
}

// Each quarter most teams run their OKR again; two sit one out, in rotation.
function teamsFor(offset: number): DemoOkrTemplate[] {
  const n = QUARTERLY_OKRS.length;
  if (offset === 1) return QUARTERLY_OKRS.filter((_, i) => i % 3 === 0).slice(0, DRAFTS_NEXT_QUARTER);
  const resting = new Set([((offset + 4) * 3) % n, ((offset + 4) * 3 + 7) % n]);
  return QUARTERLY_OKRS.filter((_, i) => !resting.has(i)).slice(0, TEAM_OKRS_PER_QUARTER);
}

function planOkr(
  template: DemoOkrTemplate,
  periodType: PlannedOkr['periodType'],
  period: Period,
  index: number,
  fate: OkrFate,
  yesterday: Date,
): PlannedOkr {
  const key = `${isoDate(period.start)}:${periodType}:${template.key}`;
  const random = SeededRandom.for(`okr:${key}`);
  const attainment = drawAttainment(random);
  const schedule =
    fate === 'draft'
      ? []
      : checkInDays(period, fate, periodType === 'annual' ? [14, 21, 28] : [7, 14], yesterday, random);
  return {
    key,
    objective: template.objective,
    goal: template.goal,
    periodType,
    periodStart: isoDate(period.start),
    periodEnd: isoDate(period.end),
    owner: template.owner,
    fate,
    keyResults: template.keyResults.map((kr) => {
      const krAttainment = Math.max(0.05, Math.min(1.15, attainment + random.between(-0.15, 0.15)));
      return planKeyResult(kr, periodTargets(kr, index), period, schedule, krAttainment, random);
    }),
  };
}

// Most OKRs land near their targets, some fall well short: the mix real teams report.
function drawAttainment(random: SeededRandom): number {
  const r = random.next();
  if (r < 0.45) return random.between(0.8, 1.1);
  if (r < 0.8) return random.between(0.5, 0.8);
  return random.between(0.2, 0.5);
}

function checkInDays(
  period: Period,
  fate: OkrFate,
  intervals: number[],
  yesterday: Date,
  random: SeededRandom,
): Date[] {
  const interval = random.pick(intervals);
  const span = (period.end.getTime() - period.start.getTime()) / 86_400_000;
  const stop = fate === 'cancelled' ? addDays(period.start, Math.round(span * random.between(0.3, 0.6))) : period.end;
  const until = stop < yesterday ? stop : yesterday;
  const days: Date[] = [];
  for (
    let day = addDays(period.start, interval - 1 - random.int(0, 2));
    day <= until;
    day = addDays(day, interval + random.int(-1, 1))
  ) {
    days.push(day);
  }
  if (fate !== 'scored' || period.end > yesterday) return days;
  // The closing review on the period's last day fixes the final score; it replaces a check-in just before it.
  return [...days.filter((day) => addDays(day, 3) <= period.end), period.end];
}
