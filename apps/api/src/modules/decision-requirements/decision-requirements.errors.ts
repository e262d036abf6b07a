import { DomainError, notFound } from '@qbm/http';
import { RequirementStatus } from './entities/decision-requirement.entity';

export const RequirementErrors = {
  notFound: (id: string) => notFound('DECISION_REQUIREMENT', id),
  objectiveNotFound: (id: string) =>
    new DomainError('DECISION_REQUIREMENT.OBJECTIVE_NOT_FOUND', 'unprocessable', `objective ${id} does not exist`, {
      objectiveId: id,
    }),
  notEditable: (status: RequirementStatus) =>
    new DomainError(
      'DECISION_REQUIREMENT.NOT_EDITABLE',
      'unprocessable',
      `only draft requirements can be edited; this one is ${status}`,
      {
        status,
      },
    ),
  illegalTransition: (from: RequirementStatus, to: RequirementStatus) =>
    new DomainError(
      'DECISION_REQUIREMENT.ILLEGAL_TRANSITION',
      'unprocessable',
      `a ${from} requirement cannot become ${to}`,
      { from, to },
    ),
  selfDecision: () =>
    new DomainError(
      'DECISION_REQUIREMENT.SELF_DECISION',
      'unprocessable',
      'the requester may not approve or reject their own requirement',
    ),
  requiredByMissing: () =>
    new DomainError(
      'DECISION_REQUIREMENT.REQUIRED_BY_MISSING',
      'unprocessable',
      'an emergency requirement needs a requiredBy date',
      {
        field: 'requiredBy',
      },
    ),
};
