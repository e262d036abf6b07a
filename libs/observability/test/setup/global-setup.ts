import { ensureTestDatabase, testDatabaseUrl } from '@qbm/testing';

// The integration specs need only the database to exist; they make their own (temporary) tables.
export default function globalSetup(): Promise<void> {
  return ensureTestDatabase(testDatabaseUrl('observability'));
}
