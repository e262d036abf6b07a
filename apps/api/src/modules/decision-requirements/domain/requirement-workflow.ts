import { DecisionRequirement, RequirementStatus } from '../entities/decision-requirement.entity';
import { RequirementErrors } from '../decision-requirements.errors';

export const REQUIREMENT_ACTIONS = ['submit', 'approve', 'reject', 'cancel'] as const;
export type RequirementAction = (typeof REQUIREMENT_ACTIONS)[number];

const TRANSITIONS: Record<RequirementAction, { from: readonly RequirementStatus[]; to: RequirementStatus }> = {
  submit: { from: ['draft'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  reject: { from: ['submitted'], to: 'rejected' },
  cancel: { from: ['draft', 'submitted'], to: 'cancelled' },
};

export interface TransitionRequest {
  action: RequirementAction;
  actor: string;
  reason: string | null;
  at: Date;
}

export type RequirementChanges = Pick<DecisionRequirement, 'status'> &
  Partial<Pick<DecisionRequirement, 'approver' | 'decisionReason' | 'submittedAt' | 'decidedAt' | 'cancelledAt'>>;

export function isEditable(status: RequirementStatus): boolean {
  return status === 'draft';
}

// draft -> submitted -> approved | rejected; draft | submitted -> cancelled. Everything else is refused.
export function nextStatus(from: RequirementStatus, action: RequirementAction): RequirementStatus {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(from)) throw RequirementErrors.illegalTransition(from, rule.to);
  return rule.to;
}

// The fields a transition writes. A cancellation's reason is kept in decisionReason; it has no approver.
export function transitionRequirement(
  current: Pick<DecisionRequirement, 'status' | 'requester'>,
  request: TransitionRequest,
): RequirementChanges {
  const status = nextStatus(current.status, request.action);
  switch (request.action) {
    case 'submit':
      return { status, submittedAt: request.at };
    case 'approve':
    case 'reject':
      // Four eyes: whoever asked for the decision may not take it.
      if (current.requester === request.actor) throw RequirementErrors.selfDecision();
      return { status, approver: request.actor, decisionReason: request.reason, decidedAt: request.at };
    case 'cancel':
      return { status, decisionReason: request.reason, cancelledAt: request.at };
  }
}
