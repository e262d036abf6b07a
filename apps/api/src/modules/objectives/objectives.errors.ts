import { DomainError, notFound } from '@qbm/http';

export const ObjectiveErrors = {
  notFound: (id: string) => notFound('OBJECTIVE', id),
  parentNotFound: (id: string) =>
    new DomainError('OBJECTIVE.PARENT_NOT_FOUND', 'unprocessable', `parent objective ${id} does not exist`),
  parentCycle: () =>
    new DomainError(
      'OBJECTIVE.PARENT_CYCLE',
      'unprocessable',
      'the new parent is the objective itself or one of its descendants',
    ),
  datesOutOfOrder: () =>
    new DomainError('OBJECTIVE.DATES_OUT_OF_ORDER', 'unprocessable', 'targetDate must not be before startDate'),
  hasChildren: () =>
    new DomainError(
      'OBJECTIVE.HAS_CHILDREN',
      'conflict',
      'the objective has child objectives; move or delete them first',
    ),
  inUse: () =>
    new DomainError(
      'OBJECTIVE.IN_USE',
      'conflict',
      'metrics, OKRs or decision requirements still reference the objective',
    ),
};
