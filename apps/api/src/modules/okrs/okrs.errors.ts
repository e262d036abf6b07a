import { DomainError, notFound } from '@qbm/http';
import { OkrStatus } from './entities/okr.entity';

export const OkrErrors = {
  notFound: (id: string) => notFound('OKR', id),
  strategicObjectiveNotFound: (id: string) =>
    new DomainError('OKR.STRATEGIC_OBJECTIVE_NOT_FOUND', 'unprocessable', `strategic objective ${id} does not exist`),
  parentNotFound: (id: string) =>
    new DomainError('OKR.PARENT_NOT_FOUND', 'unprocessable', `parent OKR ${id} does not exist`),
  parentCycle: () =>
    new DomainError('OKR.PARENT_CYCLE', 'unprocessable', 'the new parent is the OKR itself or one of its descendants'),
  periodInvalid: (reason: string, period: { periodType: string; periodStart: string; periodEnd: string }) =>
    new DomainError('OKR.PERIOD_INVALID', 'unprocessable', reason, { ...period }),
  illegalTransition: (from: OkrStatus, to: OkrStatus) =>
    new DomainError('OKR.ILLEGAL_TRANSITION', 'unprocessable', `an OKR cannot go from ${from} to ${to}`, { from, to }),
  noKeyResults: () =>
    new DomainError('OKR.NO_KEY_RESULTS', 'unprocessable', 'an OKR needs at least one key result to be activated'),
  closed: (status: OkrStatus) =>
    new DomainError(
      'OKR.CLOSED',
      'unprocessable',
      `the OKR is ${status}; it and its key results can no longer change`,
      { status },
    ),
  hasChildren: () =>
    new DomainError('OKR.HAS_CHILDREN', 'conflict', 'child OKRs reference this OKR; move or delete them first'),
};

export const KeyResultErrors = {
  notFound: (id: string) => notFound('KEY_RESULT', id),
  targetEqualsBaseline: (index?: number) =>
    new DomainError(
      'KEY_RESULT.TARGET_EQUALS_BASELINE',
      'unprocessable',
      'targetValue must differ from baselineValue',
      index === undefined ? undefined : { index },
    ),
  weightOutOfRange: (weight: number, index?: number) =>
    new DomainError(
      'KEY_RESULT.WEIGHT_OUT_OF_RANGE',
      'unprocessable',
      'weight must be greater than 0 and at most 100',
      index === undefined ? { weight } : { weight, index },
    ),
};

export const CheckInErrors = {
  okrNotActive: (status: OkrStatus) =>
    new DomainError('CHECK_IN.OKR_NOT_ACTIVE', 'unprocessable', `check-ins need an active OKR; this one is ${status}`, {
      status,
    }),
};
