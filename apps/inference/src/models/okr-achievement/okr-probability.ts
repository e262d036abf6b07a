import { SeededRandom } from '../../random/seeded-random';
import { OKR_ACHIEVED_SCORE } from './key-result-outcome';

// One key result's share in its OKR's outcome: reaches its target (progress 1) with `probability`,
// otherwise ends at `partialProgress`, the progress its recent pace projects (kept below 1).
export interface KeyResultChance {
  weight: number;
  probability: number;
  partialProgress: number;
}

const EXACT_LIMIT = 16;
const SAMPLES = 20_000;

// P(weighted score ≥ 0.7) under the app's scoring rule, treating key results as independent given
// their features (positively correlated key results, sharing a team, make the truth more extreme
// than this). Exact over the 2^n reach/miss combinations up to 16 key results, seeded sampling above.
export function okrAchievementProbability(
  keyResults: readonly KeyResultChance[],
  threshold = OKR_ACHIEVED_SCORE,
): number {
  const total = keyResults.reduce((s, kr) => s + Math.max(0, kr.weight), 0);
  if (keyResults.length === 0 || total <= 0) return 0;
  const shares = keyResults.map((kr) => ({
    weight: Math.max(0, kr.weight) / total,
    p: Math.min(1, Math.max(0, kr.probability)),
    partial: Math.min(0.99, Math.max(0, kr.partialProgress)),
  }));
  const needed = threshold - 1e-12;
  if (shares.length <= EXACT_LIMIT) {
    let probability = 0;
    for (let mask = 0; mask < 1 << shares.length; mask += 1) {
      let score = 0;
      let chance = 1;
      shares.forEach((kr, i) => {
        const reached = (mask >> i) & 1;
        score += kr.weight * (reached ? 1 : kr.partial);
        chance *= reached ? kr.p : 1 - kr.p;
      });
      if (score >= needed) probability += chance;
    }
    return probability;
  }
  const random = new SeededRandom(shares.length);
  let hits = 0;
  for (let s = 0; s < SAMPLES; s += 1) {
    const score = shares.reduce((sum, kr) => sum + kr.weight * (random.chance(kr.p) ? 1 : kr.partial), 0);
    if (score >= needed) hits += 1;
  }
  return hits / SAMPLES;
}

// The expected final score under the same model.
export function expectedOkrScore(keyResults: readonly KeyResultChance[]): number {
  const total = keyResults.reduce((s, kr) => s + Math.max(0, kr.weight), 0);
  if (total <= 0) return 0;
  return keyResults.reduce((s, kr) => {
    const partial = Math.min(0.99, Math.max(0, kr.partialProgress));
    return s + (Math.max(0, kr.weight) / total) * (kr.probability + (1 - kr.probability) * partial);
  }, 0);
}
