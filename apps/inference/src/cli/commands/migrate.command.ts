import { DataSource } from 'typeorm';
import type { InferenceConfig } from '../../config/inference.config';
import { dataSourceOptions } from '../../database/data-source-options';

// The inference tables only, under their own migrations table. The database itself is created by
// the API's migrate (it runs first in `pnpm start`); here a missing one is reported as such.
export async function migrateCommand(config: InferenceConfig, log: (line: string) => void): Promise<void> {
  const dataSource = new DataSource(dataSourceOptions(config));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations();
    log(
      applied.length === 0
        ? 'migrate: schema is up to date'
        : `migrate: applied ${applied.map((m) => m.name).join(', ')}`,
    );
  } finally {
    await dataSource.destroy();
  }
}
