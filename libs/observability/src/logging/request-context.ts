import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContextStore {
  requestId: string;
  // From a W3C traceparent header, when the caller sent one.
  traceId?: string;
  spanId?: string;
}

// The current request id anywhere below a request (services, repositories, job producers),
// so it can travel inside BullMQ jobs without being threaded through every call, and every
// log line written on its behalf carries it.
export const requestContext = new AsyncLocalStorage<RequestContextStore>();

export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}

// W3C traceparent: version-traceid-spanid-flags.
const TRACEPARENT = /^[\da-f]{2}-([\da-f]{32})-([\da-f]{16})-[\da-f]{2}$/;

export function requestContextOf(requestId: string, traceparent: string | string[] | undefined): RequestContextStore {
  const value = Array.isArray(traceparent) ? traceparent[0] : traceparent;
  const match = value === undefined ? null : TRACEPARENT.exec(value);
  return match?.[1] && match[2] ? { requestId, traceId: match[1], spanId: match[2] } : { requestId };
}

// The fields a log line gets from a request context: what pino's mixin adds to each line.
export function logFieldsOf(store: RequestContextStore): Record<string, string> {
  return store.traceId && store.spanId
    ? { request_id: store.requestId, trace_id: store.traceId, span_id: store.spanId }
    : { request_id: store.requestId };
}
