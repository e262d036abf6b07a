const { project } = require('../../jest.preset');
const db = { globalSetup: '<rootDir>/test/setup/global-setup.ts', setupFiles: ['<rootDir>/test/setup/env.ts'] };
module.exports = {
  projects: [
    project('cli:unit', ['<rootDir>/src/**/*.spec.ts']),
    project('cli:integration', ['<rootDir>/test/integration/**/*.int-spec.ts'], db),
    // Runs the built entry (dist/main.js): turbo builds it before `test`.
    project('cli:e2e', ['<rootDir>/test/e2e/**/*.e2e-spec.ts']),
  ],
};
