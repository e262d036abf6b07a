import type { DataSourceOptions } from 'typeorm';
import type { NotifierConfig } from '../config/notifier.config';
import { MIGRATIONS } from './migrations';

// The notifier's own tables in the shared database, with their own migrations table so the API's
// and the notifier's migrations never see each other. synchronize stays off everywhere. No entities:
// the repositories write single SQL statements (the outbox's intake is one round trip).
export function dataSourceOptions(config: Pick<NotifierConfig, 'database'>): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.database.url,
    entities: [],
    migrations: MIGRATIONS,
    migrationsTableName: 'notifier_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: {
      max: config.database.poolMax,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30_000,
      application_name: 'qbm-notifier',
    },
  };
}
