const { project } = require('../../jest.preset');
// The built services (dist/) as separate processes: `turbo run test` builds @qbm/api, @qbm/notifier and @qbm/inference first.
module.exports = {
  projects: [
    project('suite-e2e:e2e', ['<rootDir>/test/**/*.e2e-spec.ts'], {
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      setupFiles: ['<rootDir>/test/setup/env.ts'],
    }),
  ],
};
