import { randomUUID } from 'node:crypto';

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

// One request id per request: a well-formed incoming x-request-id is kept (an API gateway's),
// otherwise a new one; it is written back onto the raw headers so every logger sees the same id.
export function requestIdFor(raw: { headers: Record<string, string | string[] | undefined> }): string {
  const incoming = raw.headers['x-request-id'];
  const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  raw.headers['x-request-id'] = id;
  return id;
}
