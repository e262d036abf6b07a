import { DataSource, type DataSourceOptions } from 'typeorm';
import { assertTestDatabase } from './test-database.guard';

// A DataSource that is known to be on a test database before anything runs on it.
export async function openTestDataSource(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  try {
    await assertTestDatabase(dataSource);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}
