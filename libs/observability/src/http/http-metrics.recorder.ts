import { Injectable } from '@nestjs/common';
import { HttpMetrics } from './http.metrics';

export const UNMATCHED_ENDPOINT = 'unmatched';

// Scrapes and probes would otherwise dominate the request rate and hide real traffic.
const UNCOUNTED_ROUTE = /(^|\/)(metrics|health(\/[^/]+)?)\/?$/;

interface ExchangeLabels {
  readonly request: { method: string; endpoint: string; status: string };
  readonly duration: { method: string; endpoint: string };
}

// Runs once per request: label objects are built once per distinct (method, endpoint, status) and
// reused, so recording allocates nothing of its own. Every key is bounded: methods by the HTTP
// parser, endpoints by the app's routes, statuses by 100-599.
@Injectable()
export class HttpMetricsRecorder {
  // Route template (undefined: no route matched) -> endpoint label, or null when not counted.
  private readonly endpoints = new Map<string | undefined, string | null>();
  private readonly labels = new Map<string, Map<string, Map<number, ExchangeLabels>>>();

  constructor(private readonly metrics: HttpMetrics) {}

  record(method: string, routeTemplate: string | undefined, statusCode: number, durationSeconds: number): void {
    const endpoint = this.endpointOf(routeTemplate);
    if (endpoint === null) return;
    const labels = this.labelsOf(method, endpoint, statusCode);
    this.metrics.apiRequestsTotal.inc(labels.request);
    this.metrics.apiRequestDuration.observe(labels.duration, durationSeconds);
  }

  private endpointOf(routeTemplate: string | undefined): string | null {
    let endpoint = this.endpoints.get(routeTemplate);
    if (endpoint === undefined) {
      endpoint = endpointLabel(routeTemplate) ?? null;
      this.endpoints.set(routeTemplate, endpoint);
    }
    return endpoint;
  }

  private labelsOf(method: string, endpoint: string, statusCode: number): ExchangeLabels {
    let byEndpoint = this.labels.get(method);
    if (!byEndpoint) {
      byEndpoint = new Map();
      this.labels.set(method, byEndpoint);
    }
    let byStatus = byEndpoint.get(endpoint);
    if (!byStatus) {
      byStatus = new Map();
      byEndpoint.set(endpoint, byStatus);
    }
    let labels = byStatus.get(statusCode);
    if (!labels) {
      const upper = method.toUpperCase();
      // Frozen: the cardinality guard then checks each set once, not on every request.
      labels = {
        request: Object.freeze({ method: upper, endpoint, status: String(statusCode) }),
        duration: Object.freeze({ method: upper, endpoint }),
      };
      byStatus.set(statusCode, labels);
    }
    return labels;
  }
}

// Never the raw URL: ids and query strings would make every request a new series.
export function endpointLabel(routeTemplate: string | undefined): string | undefined {
  if (routeTemplate === undefined || routeTemplate === '') return UNMATCHED_ENDPOINT;
  if (UNCOUNTED_ROUTE.test(routeTemplate)) return undefined;
  return routeTemplate;
}
