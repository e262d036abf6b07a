import { Injectable } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import { CardinalityGuard } from '../metrics/cardinality-guard';
import type { CatalogueMetric } from '../metrics/metric-catalogue';
import { DB_OPERATIONS } from '../metrics/metric-labels';

@Injectable()
export class DatabaseMetrics {
  constructor(
    @InjectMetric('active_connections') readonly activeConnections: CatalogueMetric<'active_connections'>,
    @InjectMetric('db_query_duration_seconds') readonly dbQueryDuration: CatalogueMetric<'db_query_duration_seconds'>,
    @InjectMetric('db_connection_pool_size') readonly dbConnectionPoolSize: CatalogueMetric<'db_connection_pool_size'>,
    @InjectMetric('db_connection_pool_max') readonly dbConnectionPoolMax: CatalogueMetric<'db_connection_pool_max'>,
    @InjectMetric('db_slow_queries_total') readonly dbSlowQueriesTotal: CatalogueMetric<'db_slow_queries_total'>,
    @InjectMetric('db_query_errors_total') readonly dbQueryErrorsTotal: CatalogueMetric<'db_query_errors_total'>,
    guard: CardinalityGuard,
  ) {
    guard.bound(dbQueryDuration);
    guard.bound(dbSlowQueriesTotal);
    guard.bound(dbQueryErrorsTotal);
    // Known up front: their series exist at zero from the first scrape, so rate() and absent() behave.
    for (const operation of DB_OPERATIONS) {
      dbQueryDuration.zero({ operation });
      dbSlowQueriesTotal.inc({ operation }, 0);
      dbQueryErrorsTotal.inc({ operation }, 0);
    }
  }
}
