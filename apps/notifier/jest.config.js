const { project } = require('../../jest.preset');
const db = { globalSetup: '<rootDir>/test/setup/global-setup.ts', setupFiles: ['<rootDir>/test/setup/env.ts'] };
module.exports = {
  projects: [
    project('notifier:unit', ['<rootDir>/src/**/*.spec.ts']),
    project('notifier:integration', ['<rootDir>/test/integration/**/*.int-spec.ts'], db),
    project('notifier:e2e', ['<rootDir>/test/e2e/**/*.e2e-spec.ts'], db),
  ],
};
