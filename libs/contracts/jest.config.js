const { project } = require('../../jest.preset');
module.exports = { projects: [project('contracts:unit', ['<rootDir>/src/**/*.spec.ts'])] };
