import { OkrErrors } from '../okrs.errors';

export interface OkrLinkChange {
  strategicObjectiveId?: string | null;
  parentOkrId?: string | null;
}

// The reads the link rules need, answered inside the writing transaction.
export interface OkrLinkLookups {
  strategicObjectiveExists(id: string): Promise<boolean>;
  // Must keep the parent from being deleted until the transaction ends (OkrsRepository.existsLocked).
  parentExists(id: string): Promise<boolean>;
  isSelfOrDescendant(okrId: string, candidateParentId: string): Promise<boolean>;
}

// The strategic objective and parent OKR an OKR points at exist in the caller's organisation, and the
// OKR tree stays free of cycles. `okrId` is the OKR being edited; leave it out on create (a new OKR
// cannot close a cycle). An edit that sets a parent must hold OkrsRepository.lockTree.
export async function assertOkrLinks(lookups: OkrLinkLookups, change: OkrLinkChange, okrId?: string): Promise<void> {
  const { strategicObjectiveId, parentOkrId } = change;
  if (strategicObjectiveId && !(await lookups.strategicObjectiveExists(strategicObjectiveId))) {
    throw OkrErrors.strategicObjectiveNotFound(strategicObjectiveId);
  }
  if (!parentOkrId) return;
  if (!(await lookups.parentExists(parentOkrId))) throw OkrErrors.parentNotFound(parentOkrId);
  if (okrId && (await lookups.isSelfOrDescendant(okrId, parentOkrId))) throw OkrErrors.parentCycle();
}
