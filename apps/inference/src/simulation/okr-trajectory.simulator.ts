import { OKR_ACHIEVED_SCORE, okrScore } from '../models/okr-achievement/key-result-outcome';
import { SeededRandom } from '../random/seeded-random';
import { dayNumber } from '../series/calendar-day';
import { OkrContext, SimulatedKeyResult, simulateKeyResult } from './key-result-trajectory.simulator';

export interface SimulatedOkr {
  id: string;
  keyResults: SimulatedKeyResult[];
  score: number;
  achieved: boolean;
}

function period(random: SeededRandom): { startDay: number; lengthDays: number } {
  const kind = random.weighted({ quarterly: 75, annual: 15, custom: 10 });
  const year = random.int(2022, 2025);
  const month = kind === 'quarterly' ? random.int(0, 3) * 3 : random.int(0, 11);
  const startDay = Math.round(Date.UTC(year, month, 1) / 86_400_000);
  if (kind === 'custom') return { startDay, lengthDays: random.int(30, 150) };
  const months = kind === 'quarterly' ? 3 : 12;
  return { startDay, lengthDays: Math.round(Date.UTC(year, month + months, 1) / 86_400_000) - startDay };
}

// `count` OKRs with 2–5 key results each, equal or uneven weights; the truth is the app's scoring
// rule applied to the key results' true final progress.
export function simulateOkrs(count: number, seed: number): SimulatedOkr[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const okrRandom = random.fork(index);
    const context: OkrContext = {
      ...period(okrRandom),
      teamEffect: okrRandom.normal(0, 0.6),
      optimism: okrRandom.normal(0.8, 0.6),
    };
    const equalWeights = okrRandom.chance(0.5);
    const keyResults = Array.from({ length: okrRandom.int(2, 5) }, () =>
      simulateKeyResult(okrRandom, context, equalWeights ? 1 : okrRandom.int(1, 5)),
    );
    const score = okrScore(keyResults.map((kr) => ({ weight: kr.history.weight, progress: kr.finalProgress })));
    return { id: `okr-${seed}-${index}`, keyResults, score, achieved: score >= OKR_ACHIEVED_SCORE };
  });
}

export const simulatedStartDay = (okr: SimulatedOkr): number =>
  dayNumber(okr.keyResults[0]?.history.periodStart ?? '1970-01-01');
