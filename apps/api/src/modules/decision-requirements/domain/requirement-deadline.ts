import { DecisionRequirement } from '../entities/decision-requirement.entity';
import { RequirementErrors } from '../decision-requirements.errors';

// An emergency is only an emergency with a date by which it must be decided; other types may leave it open.
export function assertDeadline(requirement: Pick<DecisionRequirement, 'type' | 'requiredBy'>): void {
  if (requirement.type === 'emergency' && !requirement.requiredBy) throw RequirementErrors.requiredByMissing();
}
