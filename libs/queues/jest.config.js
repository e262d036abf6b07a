const { project } = require('../../jest.preset');
module.exports = {
  projects: [
    project('queues:unit', ['<rootDir>/src/**/*.spec.ts']),
    project('queues:integration', ['<rootDir>/test/integration/**/*.int-spec.ts']),
  ],
};
