import { censorHeaders, censorSecretFields } from './secret-fields.censor';

// What pino-http's standard serialisers produce (pino-http hands theirs to these).
interface SerializedRequest {
  headers: Record<string, unknown>;
  query?: unknown;
}
interface SerializedResponse {
  headers?: Record<string, unknown>;
}

// The request a request's log lines are bound to: secret headers and secret query fields censored on
// the fresh object the standard serialiser made (the raw request's own objects are never touched).
export function serializeRequest<T extends SerializedRequest>(request: T): T {
  request.headers = censorHeaders(request.headers);
  if (typeof request.query === 'object' && request.query !== null) {
    request.query = censorSecretFields(request.query);
  }
  return request;
}

export function serializeResponse<T extends SerializedResponse>(response: T): T {
  if (response.headers) response.headers = censorHeaders(response.headers);
  return response;
}
