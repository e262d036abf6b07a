import { DomainError } from './domain-error';

// A dependency the request needs is down or saturated (DATABASE, QUEUE, SMTP...): a 503 with a stable
// `<DEPENDENCY>.UNAVAILABLE` code and Retry-After, so clients and gateways can tell an outage from a bug.
export function dependencyUnavailable(dependency: string, retryAfterSeconds: number, message?: string): DomainError {
  return new DomainError(
    `${dependency.toUpperCase()}.UNAVAILABLE`,
    'unavailable',
    message ?? `${dependency.toLowerCase()} is unavailable; retry later`,
    { dependency: dependency.toLowerCase(), retryAfterSeconds },
  );
}

// The Retry-After a coded error asks for (outages and rate limits carry it in their details).
export function retryAfterSeconds(error: unknown): number | undefined {
  if (!(error instanceof DomainError) || error.details === undefined || Array.isArray(error.details)) return undefined;
  const value = error.details.retryAfterSeconds;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.ceil(value) : undefined;
}
