import { KeyResultStatus } from '../entities/key-result.entity';

export const AT_RISK_CONFIDENCE = 0.5;

// `latestConfidence` is the owner's confidence in the latest check-in (by checkedInAt), null before any.
// Reaching the target wins over a low confidence; a key result nobody has checked in on has not started.
export function keyResultStatus(progress: number, latestConfidence: number | null): KeyResultStatus {
  if (latestConfidence === null) return 'not_started';
  if (progress >= 1) return 'completed';
  if (latestConfidence < AT_RISK_CONFIDENCE) return 'at_risk';
  return 'in_progress';
}
