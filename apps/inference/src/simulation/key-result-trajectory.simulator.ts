import { typicalChange } from '../models/okr-achievement/ambition';
import { KeyResultCheckInRecord, WeightedKeyResultHistory } from '../models/okr-achievement/key-result-history';
import { progressAt, targetReached } from '../models/okr-achievement/key-result-outcome';
import { SeededRandom } from '../random/seeded-random';
import { isoDate } from '../series/calendar-day';
import { simulateLinkedMetric } from './linked-metric.simulator';
import { progressCurve, ProgressDynamics } from './progress-dynamics';

export interface SimulatedKeyResult {
  history: WeightedKeyResultHistory;
  dynamics: ProgressDynamics;
  finalValue: number;
  finalProgress: number;
  reached: boolean;
}

// What a key result shares with its OKR: the period, the team's strength (correlates key results of
// one OKR) and the owner's optimism (shifts every confidence they report).
export interface OkrContext {
  startDay: number;
  lengthDays: number;
  teamEffect: number;
  optimism: number;
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

function checkInDays(random: SeededRandom, lengthDays: number): number[] {
  const cadence = random.weighted({ weekly: 55, fortnightly: 25, irregular: 20 });
  const gapStart = random.chance(0.2) ? random.uniform(0.1, 0.7) * lengthDays : Number.POSITIVE_INFINITY;
  const gapEnd = gapStart + random.uniform(0.15, 0.35) * lengthDays;
  const stopAt = random.chance(0.12) ? random.uniform(0.5, 0.85) * lengthDays : lengthDays;
  const days: number[] = [];
  let day = 0;
  for (;;) {
    day += cadence === 'weekly' ? 7 : cadence === 'fortnightly' ? 14 : random.uniform(3, 21);
    const jittered = day + random.uniform(-1.5, 1.5);
    if (jittered >= stopAt) return days;
    if (jittered > 0 && !(jittered >= gapStart && jittered < gapEnd) && !random.chance(0.12)) days.push(jittered);
  }
}

// One key result's trajectory: the required move is `ambition` typical moves of its linked metric
// (or a share of the baseline without one); harder moves lower the progress the team can make;
// reported values carry a random walk and measurement noise; confidence follows the owner's pace
// but leans optimistic. The outcome is the true value at the period's end, direction-aware.
export function simulateKeyResult(random: SeededRandom, okr: OkrContext, weight: number): SimulatedKeyResult {
  const increase = random.chance(0.7);
  const ambition = Math.exp(random.normal(Math.log(1.5), 0.6));
  const linkedMetric = random.chance(0.5) ? simulateLinkedMetric(random, okr.startDay) : null;
  const periodStart = isoDate(okr.startDay);
  const typical = linkedMetric ? typicalChange(linkedMetric, periodStart, okr.lengthDays) : null;
  const baselineValue = linkedMetric ? (linkedMetric.values.at(-1)?.value ?? 100) : 10 ** random.uniform(1, 4);
  const move = typical && typical > 0 ? ambition * typical : baselineValue * Math.min(0.8, 0.15 * ambition);
  const span = increase ? move : -Math.min(move, 0.9 * baselineValue);
  const targetValue = baselineValue + span;
  const capability = Math.exp(random.normal(-0.05 - 0.45 * Math.log(ambition / 1.5) + 0.3 * okr.teamEffect, 0.35));
  const curve = progressCurve(random, capability);
  const walkSd = random.uniform(0.002, 0.01);
  const measurementSd = random.uniform(0.005, 0.05);
  const walk = [0];
  for (let d = 1; d <= okr.lengthDays; d += 1) walk.push((walk[d - 1] as number) + random.normal(0, walkSd));
  const valueAt = (day: number): number => {
    const t = Math.min(1, Math.max(0, day / okr.lengthDays));
    const drift = walk[Math.min(okr.lengthDays, Math.round(day))] as number;
    return baselineValue + span * (curve.at(t) + drift + random.normal(0, measurementSd));
  };
  const knowsSurge = curve.dynamics === 'late-surge' ? 1 : 0;
  const checkIns: KeyResultCheckInRecord[] = checkInDays(random, okr.lengthDays).map((day) => {
    const value = valueAt(day);
    const pace = progressAt({ baselineValue, targetValue }, value) / Math.max(day / okr.lengthDays, 0.15);
    const belief = 4 * (Math.min(pace, 2) - 1) + okr.optimism + knowsSurge + random.normal(0, 0.6);
    const hour = random.int(8, 18);
    return {
      checkedInAt: new Date((okr.startDay + Math.floor(day)) * 86_400_000 + hour * 3_600_000).toISOString(),
      value,
      confidence: Math.round(sigmoid(belief) * 10) / 10,
    };
  });
  const finalValue = valueAt(okr.lengthDays);
  const history = {
    baselineValue,
    targetValue,
    periodStart,
    periodEnd: isoDate(okr.startDay + okr.lengthDays - 1),
    checkIns,
    linkedMetric,
    weight,
  };
  return {
    history,
    dynamics: curve.dynamics,
    finalValue,
    finalProgress: progressAt(history, finalValue),
    reached: targetReached(history, finalValue),
  };
}
