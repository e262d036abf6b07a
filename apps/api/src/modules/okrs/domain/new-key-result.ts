import { KeyResult, KeyResultType } from '../entities/key-result.entity';
import { scoreKeyResult } from './key-result-scoring';

// A key result as a create request describes it.
export interface KeyResultDraft {
  statement: string;
  type: KeyResultType;
  baselineValue: number;
  targetValue: number;
  currentValue?: number;
  unit?: string;
  weight?: number;
  owner: string;
  dueDate?: string | null;
}

// A new key result's fields with the contract's defaults, scored before any check-in. `createdAt` is set
// only to keep a batch in request order.
export function newKeyResultFields(
  organizationId: string,
  okrId: string,
  draft: KeyResultDraft,
  createdAt?: Date,
): Partial<KeyResult> {
  const values = {
    baselineValue: draft.baselineValue,
    targetValue: draft.targetValue,
    currentValue: draft.currentValue ?? draft.baselineValue,
  };
  return {
    organizationId,
    okrId,
    statement: draft.statement,
    type: draft.type,
    ...values,
    unit: draft.unit ?? '',
    weight: draft.weight ?? 1,
    owner: draft.owner,
    dueDate: draft.dueDate ?? null,
    ...scoreKeyResult(values, null),
    ...(createdAt ? { createdAt } : {}),
  };
}
