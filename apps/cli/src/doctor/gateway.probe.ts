import { DoctorSection, FigureRow } from './doctor-report';
import { getJson, HttpJsonResponse } from './http-json.client';
import { SectionVerdict } from './section-verdict';

export interface GatewayProbeOptions {
  url: string;
  requestTimeoutMs: number;
}

// What only Prometheus and Alertmanager may reach, inside the network (deploy/gateway routes them nowhere).
export const INTERNAL_PATHS = ['/metrics', '/health/detailed', '/api/v1/alerts/alertmanager'] as const;
const PUBLIC_PATH = '/api/v1/objectives';
// The gateway's own answer for a path it does not route.
const NOT_ROUTED = 'GATEWAY.NOT_ROUTED';

// The gateway as users meet it: /api/v1 reaches the API (its own coded answer, with a request id,
// an unauthenticated 401 here) and nothing internal is served through it.
export async function probeGateway(options: GatewayProbeOptions, signal: AbortSignal): Promise<DoctorSection> {
  const get = (path: string) =>
    getJson(new URL(path, options.url), { timeoutMs: options.requestTimeoutMs, signal }).then(
      (response) => ({ path, response }),
      (error: unknown) => ({ path, error: error instanceof Error ? error.message : String(error) }),
    );
  const [api, ...internal] = await Promise.all([get(PUBLIC_PATH), ...INTERNAL_PATHS.map(get)]);
  const verdict = new SectionVerdict();
  if (!api || !('response' in api)) {
    verdict.failIf(true, `no answer at ${options.url}${api && 'error' in api ? `: ${api.error}` : ''}`);
  } else {
    const { status } = api.response;
    verdict.failIf(status >= 500, `${PUBLIC_PATH} answered ${status}: the API behind the gateway is not reachable`);
    verdict.failIf(
      status < 500 && !fromTheApi(api.response),
      `${PUBLIC_PATH} answered ${status} without the API's coded body: /api/v1 is not routed to the API`,
    );
  }
  for (const probe of internal) {
    if ('response' in probe) {
      const exposed = code(probe.response) !== NOT_ROUTED;
      verdict.failIf(exposed, `${probe.path} is served through the gateway (${probe.response.status})`);
    } else verdict.failIf(true, `${probe.path}: ${probe.error}`);
  }
  const rows = [api, ...internal].filter((probe) => probe !== undefined).map(toRow);
  return verdict.section('gateway', `routes /api/v1 to the API, serves nothing internal`, {
    figures: {
      url: options.url,
      api_status: api && 'response' in api ? api.response.status : null,
      api_ms: api && 'response' in api ? api.response.elapsedMs : null,
    },
    tables: { routes: rows },
  });
}

function code(response: HttpJsonResponse): string | undefined {
  const body = response.body as { code?: unknown } | null;
  return typeof body?.code === 'string' ? body.code : undefined;
}

function fromTheApi(response: HttpJsonResponse): boolean {
  const body = response.body as { requestId?: unknown } | null;
  const found = code(response);
  return found !== undefined && !found.startsWith('GATEWAY.') && typeof body?.requestId === 'string';
}

function toRow(probe: { path: string; response: HttpJsonResponse } | { path: string; error: string }): FigureRow {
  if ('error' in probe) return { path: probe.path, status: null, code: null, ms: null, error: probe.error };
  return {
    path: probe.path,
    status: probe.response.status,
    code: code(probe.response) ?? null,
    ms: probe.response.elapsedMs,
    error: null,
  };
}
