import type { AfterQueryEvent, EntitySubscriberInterface } from 'typeorm';
import type { DependencyOutages } from '@qbm/observability';

// Any query that succeeds (a request's, or readiness's SELECT 1) proves the database is back and
// closes an open outage; cheap when none is open.
export class DatabaseRecoverySubscriber implements EntitySubscriberInterface {
  constructor(private readonly outages: DependencyOutages) {}

  afterQuery(event: AfterQueryEvent<unknown>): void {
    if (event.success) this.outages.succeeded('database', Date.now() - (event.executionTime ?? 0));
  }
}
