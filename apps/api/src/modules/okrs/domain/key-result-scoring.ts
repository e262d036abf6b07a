import { KeyResultStatus } from '../entities/key-result.entity';
import { KeyResultValues, keyResultProgress } from './key-result-progress';
import { keyResultStatus } from './key-result-status';

export interface KeyResultScore {
  progress: number;
  status: KeyResultStatus;
}

// The stored progress and status of a key result. `latestConfidence`: of its latest check-in, null before any.
export function scoreKeyResult(values: KeyResultValues, latestConfidence: number | null): KeyResultScore {
  const progress = keyResultProgress(values);
  return { progress, status: keyResultStatus(progress, latestConfidence) };
}
