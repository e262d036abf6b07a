import { Injectable } from '@nestjs/common';
import { MetricsCatalogue } from '../metrics/metrics-catalogue.service';

export const UNMATCHED_ENDPOINT = 'unmatched';

// Scrapes and probes would otherwise dominate the request rate and hide real traffic.
const UNCOUNTED_ROUTE = /(^|\/)(metrics|health(\/[^/]+)?)\/?$/;

export interface HttpExchange {
  method: string;
  // The matched route template (`/api/v1/okrs/:id`), undefined when no route matched.
  routeTemplate: string | undefined;
  statusCode: number;
  durationSeconds: number;
}

@Injectable()
export class HttpMetricsRecorder {
  constructor(private readonly catalogue: MetricsCatalogue) {}

  record(exchange: HttpExchange): void {
    const endpoint = endpointLabel(exchange.routeTemplate);
    if (endpoint === undefined) return;
    const method = exchange.method.toUpperCase();
    this.catalogue.apiRequestsTotal.inc({ method, endpoint, status: String(exchange.statusCode) });
    this.catalogue.apiRequestDuration.observe({ method, endpoint }, exchange.durationSeconds);
  }
}

// Never the raw URL: ids and query strings would make every request a new series.
export function endpointLabel(routeTemplate: string | undefined): string | undefined {
  if (routeTemplate === undefined || routeTemplate === '') return UNMATCHED_ENDPOINT;
  if (UNCOUNTED_ROUTE.test(routeTemplate)) return undefined;
  return routeTemplate;
}
