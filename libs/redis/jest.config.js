const { project } = require('../../jest.preset');
module.exports = {
  projects: [
    project('redis:unit', ['<rootDir>/src/**/*.spec.ts']),
    project('redis:integration', ['<rootDir>/test/integration/**/*.int-spec.ts']),
  ],
};
