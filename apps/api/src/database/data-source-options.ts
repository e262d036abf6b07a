import { DataSourceOptions } from 'typeorm';
import { ApiConfig } from '../config/api.config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

// Schema changes only through migrations; synchronize stays off everywhere, tests included.
export function dataSourceOptions(config: Pick<ApiConfig, 'database'>): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.database.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: {
      max: config.database.poolMax,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30_000,
      application_name: 'qbm-api',
    },
  };
}
