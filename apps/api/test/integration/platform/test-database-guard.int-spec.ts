import { testPostgresServerUrl, TestTargetRefusedError } from '@qbm/testing';
import { startTestApp } from '../../setup/test-app';

// A spec that points the app elsewhere (DATABASE_URL) cannot make the harness truncate real data:
// the harness asks the app's own connection which database it is on.
describe('the API test harness', () => {
  it('refuses to start the app on a database without "test" in its name', async () => {
    await expect(startTestApp({ DATABASE_URL: `${testPostgresServerUrl()}/postgres` })).rejects.toThrow(
      TestTargetRefusedError,
    );
  });
});
