import { SeededRandom } from '../../random/seeded-random';
import { dayNumber } from '../../series/calendar-day';
import { KeyResultHistory } from './key-result-history';
import { keyResultFeatures } from './key-result-features';

// A key result whose period is over, with its outcome: simulated for base models, the
// organisation's closed OKRs after that.
export interface ClosedKeyResult {
  history: KeyResultHistory;
  reached: boolean;
  // Progress at the period's end, towards the target (1 = reached exactly).
  finalProgress: number;
}

export interface LabelledSnapshots {
  features: number[][];
  labels: number[];
}

// Several as-of snapshots per key result, at elapsed shares drawn uniformly from (0.05, 1], so the
// model learns to answer at any point of a period. Keep every snapshot of one key result on one side
// of a train/test split: they share an outcome.
export function snapshotDataset(
  keyResults: readonly ClosedKeyResult[],
  snapshotsPerKeyResult: number,
  seed: number,
): LabelledSnapshots {
  const random = new SeededRandom(seed);
  const features: number[][] = [];
  const labels: number[] = [];
  for (const { history, reached } of keyResults) {
    const start = dayNumber(history.periodStart);
    const length = dayNumber(history.periodEnd) + 1 - start;
    for (let k = 0; k < snapshotsPerKeyResult; k += 1) {
      const asOf = new Date((start + random.uniform(0.05, 1) * length) * 86_400_000).toISOString();
      features.push(keyResultFeatures(history, asOf));
      labels.push(reached ? 1 : 0);
    }
  }
  return { features, labels };
}
