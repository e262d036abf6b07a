const { project } = require('../../jest.preset');
module.exports = {
  projects: [
    project('observability:unit', ['<rootDir>/src/**/*.spec.ts']),
    project('observability:integration', ['<rootDir>/test/integration/**/*.int-spec.ts'], {
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
    }),
  ],
};
