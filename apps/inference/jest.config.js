const { project } = require('../../jest.preset');
const db = { globalSetup: '<rootDir>/test/setup/global-setup.ts', setupFiles: ['<rootDir>/test/setup/env.ts'] };
module.exports = {
  projects: [
    project('inference:unit', ['<rootDir>/src/**/*.spec.ts']),
    project('inference:integration', ['<rootDir>/test/integration/**/*.int-spec.ts'], db),
  ],
};
