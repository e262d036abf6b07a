// Field names whose values never reach a log, at any of the first four levels of a logged object.
// Paths with wildcards made pino's redaction the costliest part of a request log line (about 150 µs
// for the 52 of them), so `censorSecretFields` finds these names at any of the four levels, and
// secret headers in any `headers` object, in one walk of what is actually logged; the request and
// response serialisers do the same for the request and response a line is about.
export const SECRET_FIELDS: ReadonlySet<string> = new Set([
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'accessToken',
  'refreshToken',
  'access_token',
  'refresh_token',
  'secret',
  'clientSecret',
  'client_secret',
  'apiKey',
  'api_key',
]);

// Header names whose values never reach a log, wherever a `headers` object is logged.
export const SECRET_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'proxy-authorization',
]);

export const REDACTED = '[Redacted]';

// Left to pino: top-level names, for a child logger's own bindings, which no formatter sees.
export const REDACTION_PATHS: readonly string[] = [...SECRET_FIELDS];
