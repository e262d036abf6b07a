import { clamp01 } from './key-result-progress';

export interface WeightedProgress {
  weight: number;
  progress: number;
}

// Weighted mean of the key results' progress; an OKR without key results has made no progress.
export function okrProgress(keyResults: readonly WeightedProgress[]): number {
  let weighted = 0;
  let weights = 0;
  for (const { weight, progress } of keyResults) {
    weighted += weight * progress;
    weights += weight;
  }
  // Clamped because floating-point sums can land an ulp outside [0, 1], which the column's CHECK refuses.
  return weights > 0 ? clamp01(weighted / weights) : 0;
}
