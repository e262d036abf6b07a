const { project } = require('../../jest.preset');
module.exports = {
  projects: [project('inference:unit', ['<rootDir>/src/**/*.spec.ts'])],
};
