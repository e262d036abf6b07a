import { DomainError, FieldProblem, notFound, validationFailed } from '@qbm/http';
import { MetricDirection } from './entities/north-star-metric.entity';

export const MetricErrors = {
  notFound: (id: string) => notFound('METRIC', id),
  objectiveNotFound: (id: string) =>
    new DomainError('METRIC.OBJECTIVE_NOT_FOUND', 'unprocessable', `objective ${id} does not exist`),
  targetAgainstDirection: (direction: MetricDirection) =>
    new DomainError(
      'METRIC.TARGET_AGAINST_DIRECTION',
      'unprocessable',
      direction === 'increase'
        ? 'an increasing metric needs targetValue above baselineValue'
        : 'a decreasing metric needs targetValue below baselineValue',
    ),
  duplicateDates: (problems: FieldProblem[]) => validationFailed(problems),
  rangeReversed: () => validationFailed([{ field: 'from', reason: 'range', message: 'from must not be after to' }]),
};
