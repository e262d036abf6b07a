// Field names whose values never reach a log, at any of the first four levels of a logged object.
// Paths with wildcards made pino's redaction the costliest part of a request log line (about 150 µs
// for the 52 of them), so pino redacts only the fixed paths below; `censorSecretFields` finds these
// names at any of the four levels in one walk of what is actually logged.
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

const HEADER_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["proxy-authorization"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
];

export const REDACTED = '[Redacted]';

// The request a request logger is bound to is serialised by pino-http, after the censor has run:
// of its parts only the query string comes from the client unchecked. Top-level names cover a
// child logger's own bindings.
export const REDACTION_PATHS: readonly string[] = [
  ...HEADER_PATHS,
  ...[...SECRET_FIELDS].flatMap((field) => [field, `req.query.${field}`]),
];
