import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

// An incoming id is trusted only if it cannot forge log lines or bloat them.
const ACCEPTABLE_REQUEST_ID = /^[\w.:-]{1,128}$/;
const requestIds = new WeakMap<IncomingMessage, string>();

// One id per request, however many times it is asked for (pino-http and the request context
// both ask); echoed back so clients can quote it. It replaces Fastify's own counter ("req-1"),
// which middie copies onto the raw request and pino-http would otherwise log.
export function resolveRequestId(req: IncomingMessage & { id?: unknown }, res: ServerResponse): string {
  const known = requestIds.get(req);
  if (known) return known;
  const header = req.headers[REQUEST_ID_HEADER];
  const incoming = Array.isArray(header) ? header[0] : header;
  const id = incoming && ACCEPTABLE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  requestIds.set(req, id);
  req.id = id;
  if (!res.headersSent) res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}
