import { addDays, daysBetween, isoDate, Period } from './calendar-dates';
import { DemoKeyResultTemplate } from './demo-okrs.catalogue';
import { SeededRandom } from './seeded-random';

export interface PlannedCheckIn {
  value: number;
  confidence: number;
  note?: string;
  checkedInAt: string;
}

export interface PlannedKeyResult {
  statement: string;
  type: DemoKeyResultTemplate['type'];
  baselineValue: number;
  targetValue: number;
  unit: string;
  weight: number;
  owner: string;
  dueDate: string;
  checkIns: PlannedCheckIn[];
}

const NOTES = {
  ahead: [
    'Ahead of plan.',
    'Landed earlier than expected.',
    'Strong week, ahead of the curve.',
    'Tailwind from the last release.',
  ],
  onTrack: ['On track.', 'Steady progress.', 'Moving as planned.', 'No surprises this week.'],
  behind: [
    'Behind plan; recovery plan in review.',
    'Slipping: blocked on a dependency.',
    'Slower than hoped, reprioritising.',
    'At risk: team capacity is the constraint.',
  ],
};

// The period's numbers for a template: compounded drift per period away from the current one.
export function periodTargets(
  template: DemoKeyResultTemplate,
  periodIndex: number,
): { baseline: number; target: number } {
  const factor = Math.pow(1 + (template.drift ?? 0), periodIndex);
  const baseline = tidy(template.baseline * factor, template);
  let target = tidy(template.target * factor, template);
  if (target === baseline) target = baseline + (template.target > template.baseline ? 1 : -1);
  return { baseline, target };
}

export function formatQuantity(value: number, unit: string): string {
  if (unit === 'USD') {
    if (Math.abs(value) >= 1_000_000) return `$${Number((value / 1_000_000).toFixed(1))}M`;
    if (Math.abs(value) >= 10_000) return `$${Math.round(value / 1000)}k`;
    return `$${value}`;
  }
  if (unit === '%') return `${value}%`;
  return `${value.toLocaleString('en-US')} ${unit}`;
}

// Check-ins every `interval` days (give or take one) until `until`, plus a closing review on the last day
// of a period that is being scored. Values follow the KR towards `attainment` of its target; confidence
// starts hopeful and converges on what the numbers say.
export function planKeyResult(
  template: DemoKeyResultTemplate,
  numbers: { baseline: number; target: number },
  period: Period,
  schedule: Date[],
  attainment: number,
  random: SeededRandom,
): PlannedKeyResult {
  const { baseline, target } = numbers;
  const span = Math.max(1, daysBetween(period.start, period.end));
  const checkIns: PlannedCheckIn[] = [];
  let previous = baseline;
  for (const day of schedule) {
    const f = Math.min(1, daysBetween(period.start, day) / span);
    const expected = Math.pow(f, 1.15);
    const wobble = template.type === 'metric' && f < 1 ? 0.05 * random.normal() : 0;
    let value = tidy(baseline + (target - baseline) * (attainment * expected + wobble), template);
    // Milestones and deliverables never go backwards; a milestone reports whole 5 % steps up to 100.
    if (template.type === 'milestone') value = Math.min(100, Math.max(previous, Math.round(value / 5) * 5));
    if (template.type === 'deliverable')
      value = Math.min(Math.round(target * 1.15), Math.max(previous, Math.floor(value)));
    previous = value;
    const progress = (value - baseline) / (target - baseline);
    const settled = Math.min(0.97, Math.max(0.05, 0.9 * Math.min(attainment, 1.08) ** 2));
    const confidence = clamp(0.7 * (1 - f) + settled * f + 0.05 * random.normal(), 0.05, 0.98);
    const pace = expected === 0 ? 1 : progress / expected;
    const note = random.chance(0.35)
      ? undefined
      : random.pick(pace >= 1.05 ? NOTES.ahead : pace >= 0.85 ? NOTES.onTrack : NOTES.behind);
    const at = `${isoDate(day)}T${pad(random.int(8, 17))}:${pad(random.int(0, 59))}:00.000Z`;
    checkIns.push({
      value,
      confidence: Math.round(confidence * 100) / 100,
      ...(note ? { note } : {}),
      checkedInAt: at,
    });
  }
  return {
    statement: template.statement
      .replace('{from}', formatQuantity(baseline, template.unit))
      .replace('{to}', formatQuantity(target, template.unit)),
    type: template.type,
    baselineValue: baseline,
    targetValue: target,
    unit: template.unit,
    weight: template.weight,
    owner: template.owner,
    dueDate: isoDate(template.type === 'milestone' ? addDays(period.end, -10) : period.end),
    checkIns,
  };
}

function tidy(value: number, template: DemoKeyResultTemplate): number {
  if (template.unit === 'USD' && Math.abs(value) >= 10_000) return Math.round(value / 1000) * 1000;
  const factor = 10 ** (template.decimals ?? 0);
  return Math.round(value * factor) / factor;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
