import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { MetricsScrapeHooks } from '../metrics/scrape-hooks.service';
import { OBSERVABILITY_OPTIONS, type ObservabilityOptions } from '../observability-options';
import { DatabaseMetrics } from './database.metrics';
import { QueryMetricsSubscriber } from './query-metrics.subscriber';

// What node-postgres's Pool exposes; TypeORM types the driver's pool as any.
interface PgPoolLike {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options: { max?: number };
}

// node-postgres's default when no max is configured.
const PG_DEFAULT_POOL_MAX = 10;

@Injectable()
export class TypeOrmInstrumentation {
  constructor(
    private readonly metrics: DatabaseMetrics,
    private readonly scrapeHooks: MetricsScrapeHooks,
    @Inject(OBSERVABILITY_OPTIONS) private readonly options: ObservabilityOptions,
  ) {}

  attach(dataSource: DataSource): void {
    if (this.options.instrument !== false) {
      dataSource.subscribers.push(new QueryMetricsSubscriber(this.metrics, this.options.slowQueryMs));
    }
    const { activeConnections, dbConnectionPoolSize, dbConnectionPoolMax } = this.metrics;
    this.scrapeHooks.onScrape([activeConnections, dbConnectionPoolSize, dbConnectionPoolMax], () => {
      const pool = postgresPool(dataSource);
      if (!pool) return;
      activeConnections.set(pool.totalCount);
      dbConnectionPoolSize.set(pool.totalCount - pool.idleCount);
      dbConnectionPoolMax.set(pool.options.max ?? PG_DEFAULT_POOL_MAX);
    });
  }
}

function postgresPool(dataSource: DataSource): PgPoolLike | undefined {
  if (!dataSource.isInitialized) return undefined;
  const master: unknown = (dataSource.driver as { master?: unknown }).master;
  return isPgPool(master) ? master : undefined;
}

function isPgPool(value: unknown): value is PgPoolLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as PgPoolLike).totalCount === 'number' &&
    typeof (value as PgPoolLike).idleCount === 'number'
  );
}
