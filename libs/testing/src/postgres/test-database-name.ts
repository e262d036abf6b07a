import { testEnvironment } from '../config/test-environment';
import { TestTargetRefusedError } from '../test-target-refused.error';

// One convention for every package: qbm_test_<package>. QBM_TEST_DATABASE overrides it for a whole
// run (a worktree or CI job of its own); either way a name without "test" is refused.
export function testDatabaseName(packageName: string): string {
  const override = testEnvironment().QBM_TEST_DATABASE;
  if (override) return override;
  const name = `qbm_test_${packageName.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}`;
  assertTestDatabaseName(name);
  return name;
}

export function testPostgresServerUrl(): string {
  return testEnvironment().QBM_TEST_PG_URL.replace(/\/+$/, '');
}

export function testDatabaseUrl(packageName: string): string {
  return `${testPostgresServerUrl()}/${testDatabaseName(packageName)}`;
}

export function assertTestDatabaseName(name: string): void {
  if (!name.includes('test'))
    throw new TestTargetRefusedError(`Refusing database "${name}": a test database's name must contain "test"`);
}

// The database a URL names, for the checks that run before a connection exists.
export function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}
