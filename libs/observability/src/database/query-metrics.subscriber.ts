import type { AfterQueryEvent, EntitySubscriberInterface } from 'typeorm';
import type { MetricsCatalogue } from '../metrics/metrics-catalogue.service';
import { sqlOperation } from './sql-operation';

// Times every query TypeORM runs (entity, query builder and raw alike) from the driver's own
// measurement, which TypeORM 0.3.x hands to afterQuery.
export class QueryMetricsSubscriber implements EntitySubscriberInterface {
  constructor(
    private readonly catalogue: MetricsCatalogue,
    private readonly slowQueryMs: number,
  ) {}

  afterQuery(event: AfterQueryEvent<unknown>): void {
    const operation = sqlOperation(event.query);
    // TypeORM measures only successful queries; failures are counted, not timed.
    if (!event.success) {
      this.catalogue.dbQueryErrorsTotal.inc({ operation });
      return;
    }
    const executionMs = event.executionTime;
    if (executionMs === undefined) return;
    this.catalogue.dbQueryDuration.observe({ operation }, executionMs / 1000);
    if (executionMs > this.slowQueryMs) this.catalogue.dbSlowQueriesTotal.inc({ operation });
  }
}
