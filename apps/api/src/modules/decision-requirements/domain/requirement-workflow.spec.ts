import { DomainError } from '@qbm/http';
import { REQUIREMENT_STATUSES, RequirementStatus } from '../entities/decision-requirement.entity';
import {
  REQUIREMENT_ACTIONS,
  RequirementAction,
  isEditable,
  nextStatus,
  transitionRequirement,
} from './requirement-workflow';

const at = new Date('2026-03-01T10:00:00.000Z');

function errorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('requirement workflow', () => {
  const legal: Array<[RequirementStatus, RequirementAction, RequirementStatus]> = [
    ['draft', 'submit', 'submitted'],
    ['submitted', 'approve', 'approved'],
    ['submitted', 'reject', 'rejected'],
    ['draft', 'cancel', 'cancelled'],
    ['submitted', 'cancel', 'cancelled'],
  ];

  it.each(legal)('%s --%s--> %s', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
  });

  const illegal = REQUIREMENT_STATUSES.flatMap((from) =>
    REQUIREMENT_ACTIONS.filter((action) => !legal.some(([f, a]) => f === from && a === action)).map(
      (action) => [from, action] as const,
    ),
  );

  it('refuses every other pair', () => {
    expect(illegal).toHaveLength(REQUIREMENT_STATUSES.length * REQUIREMENT_ACTIONS.length - legal.length);
  });

  it.each(illegal)('refuses %s --%s-->', (from, action) => {
    const error = errorOf(() => nextStatus(from, action));
    expect(error.code).toBe('DECISION_REQUIREMENT.ILLEGAL_TRANSITION');
    expect(error.kind).toBe('unprocessable');
    expect(error.details).toEqual({ from, to: expect.any(String) });
  });

  it('names the attempted target status', () => {
    expect(errorOf(() => nextStatus('approved', 'reject')).details).toEqual({ from: 'approved', to: 'rejected' });
  });

  it('stamps submission', () => {
    expect(
      transitionRequirement(
        { status: 'draft', requester: 'ann' },
        { action: 'submit', actor: 'ann', reason: null, at },
      ),
    ).toEqual({
      status: 'submitted',
      submittedAt: at,
    });
  });

  it.each(['approve', 'reject'] as const)('records who decided (%s), why and when', (action) => {
    const changes = transitionRequirement(
      { status: 'submitted', requester: 'ann' },
      { action, actor: 'bob', reason: 'budget', at },
    );
    expect(changes).toEqual({
      status: action === 'approve' ? 'approved' : 'rejected',
      approver: 'bob',
      decisionReason: 'budget',
      decidedAt: at,
    });
  });

  it.each(['approve', 'reject'] as const)('refuses the requester deciding (%s) their own requirement', (action) => {
    const error = errorOf(() =>
      transitionRequirement({ status: 'submitted', requester: 'ann' }, { action, actor: 'ann', reason: 'ok', at }),
    );
    expect(error.code).toBe('DECISION_REQUIREMENT.SELF_DECISION');
  });

  it('reports an illegal transition before a self-decision', () => {
    const error = errorOf(() =>
      transitionRequirement(
        { status: 'draft', requester: 'ann' },
        { action: 'approve', actor: 'ann', reason: null, at },
      ),
    );
    expect(error.code).toBe('DECISION_REQUIREMENT.ILLEGAL_TRANSITION');
  });

  it('lets anyone, the requester included, cancel, keeping the reason and no approver', () => {
    const changes = transitionRequirement(
      { status: 'submitted', requester: 'ann' },
      { action: 'cancel', actor: 'ann', reason: 'moot', at },
    );
    expect(changes).toEqual({ status: 'cancelled', decisionReason: 'moot', cancelledAt: at });
  });

  it('allows edits only in draft', () => {
    expect(REQUIREMENT_STATUSES.filter(isEditable)).toEqual(['draft']);
  });
});
