import { KeyResultErrors } from '../okrs.errors';

export const MAX_WEIGHT = 100;

export interface KeyResultShape {
  baselineValue: number;
  targetValue: number;
  weight: number;
}

// Throws the domain error for the first broken rule; `index` locates the key result inside a create-OKR body.
export function assertKeyResultRules({ baselineValue, targetValue, weight }: KeyResultShape, index?: number): void {
  if (targetValue === baselineValue) throw KeyResultErrors.targetEqualsBaseline(index);
  if (!(weight > 0 && weight <= MAX_WEIGHT)) throw KeyResultErrors.weightOutOfRange(weight, index);
}
