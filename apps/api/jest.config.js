const { project } = require('../../jest.preset');
const db = { globalSetup: '<rootDir>/test/setup/global-setup.ts', setupFiles: ['<rootDir>/test/setup/env.ts'] };
module.exports = {
  projects: [
    project('api:unit', ['<rootDir>/src/**/*.spec.ts']),
    project('api:integration', ['<rootDir>/test/integration/**/*.int-spec.ts'], db),
    project('api:e2e', ['<rootDir>/test/e2e/**/*.e2e-spec.ts'], db),
  ],
};
