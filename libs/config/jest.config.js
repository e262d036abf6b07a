const { project } = require('../../jest.preset');
module.exports = { projects: [project('config:unit', ['<rootDir>/src/**/*.spec.ts'])] };
