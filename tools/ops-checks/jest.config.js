const { project } = require('../../jest.preset');
module.exports = {
  projects: [project('ops-checks:unit', ['<rootDir>/src/**/*.spec.ts'])],
};
