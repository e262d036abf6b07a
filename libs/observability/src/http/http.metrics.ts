import { Injectable } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import { CardinalityGuard } from '../metrics/cardinality-guard';
import type { CatalogueMetric } from '../metrics/metric-catalogue';

@Injectable()
export class HttpMetrics {
  constructor(
    @InjectMetric('api_requests_total') readonly apiRequestsTotal: CatalogueMetric<'api_requests_total'>,
    @InjectMetric('api_request_duration_seconds')
    readonly apiRequestDuration: CatalogueMetric<'api_request_duration_seconds'>,
    guard: CardinalityGuard,
  ) {
    guard.bound(apiRequestsTotal);
    guard.bound(apiRequestDuration);
  }
}
