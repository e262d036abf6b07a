import type { AfterQueryEvent, BeforeQueryEvent, EntitySubscriberInterface, QueryRunner } from 'typeorm';
import { DB_OPERATIONS, type DbOperation } from '../metrics/metric-labels';
import type { DatabaseMetrics } from './database.metrics';
import { sqlOperation } from './sql-operation';

// One label object per operation, made once: this runs for every query.
const OPERATION_LABELS = Object.fromEntries(DB_OPERATIONS.map((operation) => [operation, { operation }])) as Record<
  DbOperation,
  { operation: DbOperation }
>;

// Times every query TypeORM runs (entity, query builder and raw alike). TypeORM's own
// executionTime has millisecond resolution, so most fast queries would be recorded as 0 s; a query
// runner runs one query at a time, so a high-resolution start keyed by runner times each exactly.
export class QueryMetricsSubscriber implements EntitySubscriberInterface {
  private readonly started = new WeakMap<QueryRunner, bigint>();

  constructor(
    private readonly metrics: DatabaseMetrics,
    private readonly slowQueryMs: number,
  ) {}

  beforeQuery(event: BeforeQueryEvent<unknown>): void {
    this.started.set(event.queryRunner, process.hrtime.bigint());
  }

  afterQuery(event: AfterQueryEvent<unknown>): void {
    const labels = OPERATION_LABELS[sqlOperation(event.query)];
    const start = this.started.get(event.queryRunner);
    this.started.delete(event.queryRunner);
    // Failures are counted, not timed: their durations would skew the latency the alerts read.
    if (!event.success) {
      this.metrics.dbQueryErrorsTotal.inc(labels);
      return;
    }
    const executionMs = start === undefined ? event.executionTime : Number(process.hrtime.bigint() - start) / 1e6;
    if (executionMs === undefined) return;
    this.metrics.dbQueryDuration.observe(labels, executionMs / 1000);
    if (executionMs > this.slowQueryMs) this.metrics.dbSlowQueriesTotal.inc(labels);
  }
}
