import { databaseNameOf, testDatabaseName, testDatabaseUrl } from './test-database-name';

describe('test database names', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('names each package qbm_test_<package> unless QBM_TEST_DATABASE overrides the run', () => {
    delete process.env.QBM_TEST_DATABASE;
    expect(testDatabaseName('api')).toBe('qbm_test_api');
    expect(testDatabaseName('ops-checks')).toBe('qbm_test_ops_checks');
    process.env.QBM_TEST_DATABASE = 'qbm_test_wt_x';
    expect(testDatabaseName('api')).toBe('qbm_test_wt_x');
  });

  it('refuses an override without "test" in it, or with characters a bare identifier cannot hold', () => {
    process.env.QBM_TEST_DATABASE = 'qbm';
    expect(() => testDatabaseName('api')).toThrow(/QBM_TEST_DATABASE: must contain "test"/);
    process.env.QBM_TEST_DATABASE = 'qbm_test; DROP';
    expect(() => testDatabaseName('api')).toThrow(/lower-case letters/);
  });

  it('builds the URL on QBM_TEST_PG_URL and reads the name back', () => {
    delete process.env.QBM_TEST_DATABASE;
    process.env.QBM_TEST_PG_URL = 'postgres://ci@db.local:6543/';
    expect(testDatabaseUrl('cli')).toBe('postgres://ci@db.local:6543/qbm_test_cli');
    expect(databaseNameOf(testDatabaseUrl('cli'))).toBe('qbm_test_cli');
  });
});
