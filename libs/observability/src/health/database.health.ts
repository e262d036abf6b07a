import type { DataSource } from 'typeorm';
import type { HealthCheck } from './health.registry';

// SELECT 1 through the app's own pool: proves a pooled connection can be had and used.
export function databaseCheck(dataSource: DataSource, timeoutMs?: number): HealthCheck {
  return {
    name: 'database',
    readiness: true,
    timeoutMs,
    run: async () => {
      if (!dataSource.isInitialized) throw new Error('data source is not initialised');
      await dataSource.query('SELECT 1');
    },
  };
}
