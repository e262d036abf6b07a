const { project } = require('../../jest.preset');
module.exports = {
  projects: [
    project('testing:unit', ['<rootDir>/src/**/*.spec.ts']),
    project('testing:integration', ['<rootDir>/test/integration/**/*.int-spec.ts']),
  ],
};
