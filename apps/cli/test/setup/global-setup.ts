import { ensureTestDatabase, testDatabaseUrl } from '@qbm/testing';

// The doctor reads a database it does not own: the specs need only qbm_test_cli to exist.
export default function globalSetup(): Promise<void> {
  return ensureTestDatabase(testDatabaseUrl('cli'));
}
