import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type RequestContextStore, requestContextOf } from './request-context';

export const REQUEST_ID_HEADER = 'x-request-id';

// An incoming id is trusted only if it cannot forge log lines or bloat them.
const ACCEPTABLE_REQUEST_ID = /^[\w.:-]{1,128}$/;
// Kept on the request itself: a WeakMap entry per request cost a hash insert, and ephemeron work in
// every garbage collection, on each cached read.
const CONTEXT = Symbol('qbm:request-context');
type ContextCarrier = IncomingMessage & { [CONTEXT]?: RequestContextStore };

// One context per request (its id and trace), however many hooks ask; the id is echoed back so
// clients can quote it.
export function requestContextFor(req: ContextCarrier, res: ServerResponse): RequestContextStore {
  const known = req[CONTEXT];
  if (known) return known;
  const header = req.headers[REQUEST_ID_HEADER];
  const incoming = Array.isArray(header) ? header[0] : header;
  const id = incoming && ACCEPTABLE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  const context = requestContextOf(id, req.headers.traceparent);
  req[CONTEXT] = context;
  if (!res.headersSent) res.setHeader(REQUEST_ID_HEADER, id);
  return context;
}
