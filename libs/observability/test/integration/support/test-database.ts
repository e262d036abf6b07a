import { openTestDataSource, testDatabaseName, testPostgresServerUrl } from '@qbm/testing';
import type { DataSource } from 'typeorm';

export const POSTGRES_PORT = Number(new URL(testPostgresServerUrl()).port || 5432);

// This package's test database (qbm_test_observability), optionally through a proxy's port; the
// harness refuses the connection unless the server says it is on a test database.
export function openObservabilityDataSource(port = POSTGRES_PORT, poolMax = 4): Promise<DataSource> {
  const server = new URL(testPostgresServerUrl());
  server.port = String(port);
  server.pathname = `/${testDatabaseName('observability')}`;
  return openTestDataSource({
    type: 'postgres',
    url: server.toString(),
    extra: { max: poolMax, connectionTimeoutMillis: 2_000 },
  });
}
