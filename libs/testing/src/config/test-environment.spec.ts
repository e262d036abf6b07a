import { testEnvironment } from './test-environment';

describe('testEnvironment', () => {
  it('defaults to the local servers and Redis database 9', () => {
    expect(testEnvironment({})).toEqual({
      QBM_TEST_PG_URL: 'postgres://postgres@127.0.0.1:5432',
      QBM_TEST_REDIS_DB: 9,
    });
  });

  it('refuses Redis database 0, the shared server’s own', () => {
    expect(() => testEnvironment({ QBM_TEST_REDIS_DB: '0' })).toThrow(/QBM_TEST_REDIS_DB/);
    expect(testEnvironment({ QBM_TEST_REDIS_DB: '14' }).QBM_TEST_REDIS_DB).toBe(14);
  });

  it('treats an empty variable as unset', () => {
    expect(testEnvironment({ QBM_TEST_DATABASE: '' }).QBM_TEST_DATABASE).toBeUndefined();
  });
});
