import type { DataSourceOptions } from 'typeorm';
import type { InferenceConfig } from '../config/inference.config';
import { MIGRATIONS } from './migrations';

// The inference service's tables in the shared database, under their own migrations table so the
// other services' migrations never see them. synchronize stays off; the repository writes SQL.
export function dataSourceOptions(config: Pick<InferenceConfig, 'database'>): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.database.url,
    entities: [],
    migrations: MIGRATIONS,
    migrationsTableName: 'inference_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: {
      max: config.database.poolMax,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30_000,
      application_name: 'qbm-inference',
    },
  };
}
