import { DomainError, dependencyUnavailable, notFound, validationFailed } from '@qbm/http';

// Seconds a client should wait before asking again when no prediction came back in time.
export const PREDICTIONS_RETRY_AFTER_SECONDS = 5;

export const PredictionErrors = {
  okrNotFound: (id: string) => notFound('OKR', id),
  keyResultNotFound: (id: string) => notFound('KEY_RESULT', id),
  metricNotFound: (id: string) => notFound('NORTH_STAR_METRIC', id),
  modelNotFound: (name: string) => notFound('MODEL', name),
  batchNotFound: (id: string) => notFound('PREDICTION_BATCH', id),
  noKeyResults: () =>
    new DomainError('OKR.NO_KEY_RESULTS', 'unprocessable', 'the OKR has no key results to predict from'),
  // The queue or the inference service did not answer in time (or at all): PREDICTIONS.UNAVAILABLE.
  unavailable: (message?: string) => dependencyUnavailable('PREDICTIONS', PREDICTIONS_RETRY_AFTER_SECONDS, message),
  invalidBatch: (problems: { path: (string | number)[]; message: string; keys?: unknown }[]) =>
    validationFailed(
      problems
        // An unknown field is named by itself, as the validation pipe names it.
        .flatMap((p) =>
          Array.isArray(p.keys) ? (p.keys as string[]).map((k) => ({ ...p, path: [...p.path, k] })) : [p],
        )
        .slice(0, 20)
        .map((p) => ({ field: p.path.join('.'), reason: 'invalid', message: p.message })),
    ),
  predictionFailed: (code: string, message: string) =>
    new DomainError('PREDICTIONS.ITEM_FAILED', 'unprocessable', message, { code }),
};
