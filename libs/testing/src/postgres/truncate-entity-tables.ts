import type { DataSource } from 'typeorm';
import { assertTestDatabase } from './test-database.guard';

// Every table the DataSource maps (entities, join tables), read from its metadata, so a new entity is
// emptied between tests without anyone keeping a list. The guard runs first, on the live connection.
export async function truncateEntityTables(dataSource: DataSource): Promise<void> {
  await assertTestDatabase(dataSource);
  const tables = new Set(
    dataSource.entityMetadatas
      .filter((metadata) => metadata.tableType !== 'view' && metadata.tableType !== 'entity-child')
      .map((metadata) => quotedPath(metadata.tablePath)),
  );
  if (tables.size === 0) return;
  await dataSource.query(`TRUNCATE ${[...tables].join(', ')} CASCADE`);
}

function quotedPath(path: string): string {
  return path
    .split('.')
    .map((part) => `"${part.replace(/"/g, '""')}"`)
    .join('.');
}
