import { OkrStatus } from '../entities/okr.entity';

export type OkrAction = 'activate' | 'complete' | 'fail' | 'cancel';

export const ACTION_TARGET: Record<OkrAction, OkrStatus> = {
  activate: 'active',
  complete: 'completed',
  fail: 'failed',
  cancel: 'cancelled',
};

const ALLOWED: Record<OkrStatus, readonly OkrStatus[]> = {
  draft: ['active', 'cancelled'],
  active: ['completed', 'failed', 'cancelled'],
  completed: [],
  failed: [],
  cancelled: [],
};

export function isAllowedTransition(from: OkrStatus, to: OkrStatus): boolean {
  return ALLOWED[from].includes(to);
}

// Closed OKRs are history: their key results and check-ins no longer change.
export function isClosed(status: OkrStatus): boolean {
  return ALLOWED[status].length === 0;
}

// Completed and failed OKRs are scored; a cancelled one is not.
export function isScored(status: OkrStatus): boolean {
  return status === 'completed' || status === 'failed';
}
