import { currentRequestId } from '../logging/request-context';

// The field producers add to a job payload so a worker can log under the originating request.
export const JOB_REQUEST_ID_FIELD = 'requestId';

export type WithRequestId<T extends object> = T & { requestId?: string };

// Stamps the current request id (if any) onto a payload about to be enqueued.
export function withRequestId<T extends object>(payload: T): WithRequestId<T> {
  const requestId = currentRequestId();
  return requestId ? { ...payload, requestId } : payload;
}

export function requestIdOf(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const value = (data as Record<string, unknown>)[JOB_REQUEST_ID_FIELD];
  return typeof value === 'string' ? value : undefined;
}
