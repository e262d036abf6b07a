import { testEnvironment } from '../config/test-environment';

// The shared server's database index this run may write to and flush (QBM_TEST_REDIS_DB, default 9).
export function testRedisDb(): number {
  return testEnvironment().QBM_TEST_REDIS_DB;
}

export function testRedisUrl(): string {
  return testEnvironment().QBM_TEST_REDIS_URL ?? `redis://127.0.0.1:6379/${testRedisDb()}`;
}
