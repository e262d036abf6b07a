import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type RequestContextStore, requestContextOf } from './request-context';

export const REQUEST_ID_HEADER = 'x-request-id';

// An incoming id is trusted only if it cannot forge log lines or bloat them.
const ACCEPTABLE_REQUEST_ID = /^[\w.:-]{1,128}$/;
const contexts = new WeakMap<IncomingMessage, RequestContextStore>();

// One context per request (its id and trace), however many hooks ask; the id is echoed back so
// clients can quote it.
export function requestContextFor(req: IncomingMessage, res: ServerResponse): RequestContextStore {
  const known = contexts.get(req);
  if (known) return known;
  const header = req.headers[REQUEST_ID_HEADER];
  const incoming = Array.isArray(header) ? header[0] : header;
  const id = incoming && ACCEPTABLE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  const context = requestContextOf(id, req.headers.traceparent);
  contexts.set(req, context);
  if (!res.headersSent) res.setHeader(REQUEST_ID_HEADER, id);
  return context;
}
