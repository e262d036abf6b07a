import { KeyResultHistory } from './key-result-history';

// The OKR scoring rule the app applies when an OKR closes (its final score is the weighted mean of
// the key results' progress, each clamped to [0, 1]); 0.7 is the conventional "achieved" grade.
export const OKR_ACHIEVED_SCORE = 0.7;

export type TargetDirection = 'increase' | 'decrease';

type Targeted = Pick<KeyResultHistory, 'baselineValue' | 'targetValue'>;

export function targetDirection({ baselineValue, targetValue }: Targeted): TargetDirection {
  return targetValue >= baselineValue ? 'increase' : 'decrease';
}

// Share of the way from baseline to target, unclamped: negative when the value moved the wrong way.
export function progressAt({ baselineValue, targetValue }: Targeted, value: number): number {
  const span = targetValue - baselineValue;
  return span === 0 || !Number.isFinite(span) ? 0 : (value - baselineValue) / span;
}

// Reached means at or beyond the target on the target's side: a decrease target is reached by going down.
export function targetReached(keyResult: Targeted, finalValue: number): boolean {
  return targetDirection(keyResult) === 'increase'
    ? finalValue >= keyResult.targetValue
    : finalValue <= keyResult.targetValue;
}

export function okrScore(keyResults: readonly { weight: number; progress: number }[]): number {
  let weighted = 0;
  let weights = 0;
  for (const { weight, progress } of keyResults) {
    weighted += weight * Math.min(1, Math.max(0, progress));
    weights += weight;
  }
  return weights > 0 ? weighted / weights : 0;
}
