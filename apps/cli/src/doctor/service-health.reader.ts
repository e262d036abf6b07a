import { describeError } from './probe-runner';
import { getJson, HttpJsonResponse, isConnectionRefused } from './http-json.client';
import { ServiceTarget } from '../config/service-targets';

export type ServiceState = 'ready' | 'not ready' | 'draining' | 'not running' | 'no answer';

export interface ServiceHealth {
  target: ServiceTarget;
  state: ServiceState;
  httpStatus: number | null;
  readyMs: number | null;
  // Readiness checks that are down, e.g. ['redis'].
  downChecks: string[];
  detailed: { status: string; version: string | null; problems: string[] } | { unavailable: string } | null;
  error: string | null;
}

interface ReadinessBody {
  status?: unknown;
  checks?: Record<string, { status?: unknown }>;
}

interface DetailedBody {
  status?: unknown;
  version?: unknown;
  checks?: Record<string, { status?: unknown; error?: unknown }>;
}

// GET /health/ready, and /health/detailed (behind the ops token or port) for versions and causes.
export async function readServiceHealth(
  target: ServiceTarget,
  options: { timeoutMs: number; signal: AbortSignal; opsToken: string | null },
): Promise<ServiceHealth> {
  const base = { target, httpStatus: null, readyMs: null, downChecks: [], detailed: null };
  // Both at once, so the pair fits in one request deadline; readDetailed never rejects.
  const detailed = readDetailed(target, options);
  let ready: HttpJsonResponse;
  try {
    ready = await getJson(new URL('/health/ready', target.url), options);
  } catch (error) {
    await detailed;
    const refused = isConnectionRefused(error);
    return { ...base, state: refused ? 'not running' : 'no answer', error: refused ? null : describeError(error) };
  }
  const body = (typeof ready.body === 'object' && ready.body !== null ? ready.body : {}) as ReadinessBody;
  const downChecks = Object.entries(body.checks ?? {})
    .filter(([, check]) => check.status !== 'up')
    .map(([name]) => name);
  const state: ServiceState = ready.status === 200 ? 'ready' : body.status === 'draining' ? 'draining' : 'not ready';
  return {
    target,
    state,
    httpStatus: ready.status,
    readyMs: ready.elapsedMs,
    downChecks,
    detailed: await detailed,
    error: ready.status === 200 || ready.status === 503 ? null : `/health/ready answered HTTP ${ready.status}`,
  };
}

async function readDetailed(
  target: ServiceTarget,
  options: { timeoutMs: number; signal: AbortSignal; opsToken: string | null },
): Promise<ServiceHealth['detailed']> {
  try {
    const response = await getJson(new URL('/health/detailed', target.opsUrl ?? target.url), {
      ...options,
      headers: options.opsToken === null ? {} : { authorization: `Bearer ${options.opsToken}` },
    });
    if (response.status === 401 && options.opsToken === null)
      return { unavailable: 'HTTP 401: the service wants the ops token and METRICS_TOKEN is not set' };
    if (response.status !== 200 && response.status !== 503) return { unavailable: `HTTP ${response.status}` };
    const body = (typeof response.body === 'object' && response.body !== null ? response.body : {}) as DetailedBody;
    const problems = Object.entries(body.checks ?? {})
      .filter(([, check]) => check.status !== 'healthy')
      .map(
        ([name, check]) =>
          `${name} ${typeof check.status === 'string' ? check.status : 'unknown'}${typeof check.error === 'string' ? ` (${check.error})` : ''}`,
      );
    return {
      status: typeof body.status === 'string' ? body.status : 'unknown',
      version: typeof body.version === 'string' ? body.version : null,
      problems,
    };
  } catch (error) {
    return { unavailable: describeError(error) };
  }
}
