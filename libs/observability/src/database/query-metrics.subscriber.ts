import type { AfterQueryEvent, BeforeQueryEvent, EntitySubscriberInterface, QueryRunner } from 'typeorm';
import type { MetricsCatalogue } from '../metrics/metrics-catalogue.service';
import { sqlOperation } from './sql-operation';

// Times every query TypeORM runs (entity, query builder and raw alike). TypeORM's own
// executionTime has millisecond resolution, so most fast queries would be recorded as 0 s; a query
// runner runs one query at a time, so a high-resolution start keyed by runner times each exactly.
export class QueryMetricsSubscriber implements EntitySubscriberInterface {
  private readonly started = new WeakMap<QueryRunner, bigint>();

  constructor(
    private readonly catalogue: MetricsCatalogue,
    private readonly slowQueryMs: number,
  ) {}

  beforeQuery(event: BeforeQueryEvent<unknown>): void {
    this.started.set(event.queryRunner, process.hrtime.bigint());
  }

  afterQuery(event: AfterQueryEvent<unknown>): void {
    const operation = sqlOperation(event.query);
    const start = this.started.get(event.queryRunner);
    this.started.delete(event.queryRunner);
    // Failures are counted, not timed: their durations would skew the latency the alerts read.
    if (!event.success) {
      this.catalogue.dbQueryErrorsTotal.inc({ operation });
      return;
    }
    const executionMs = start === undefined ? event.executionTime : Number(process.hrtime.bigint() - start) / 1e6;
    if (executionMs === undefined) return;
    this.catalogue.dbQueryDuration.observe({ operation }, executionMs / 1000);
    if (executionMs > this.slowQueryMs) this.catalogue.dbSlowQueriesTotal.inc({ operation });
  }
}
