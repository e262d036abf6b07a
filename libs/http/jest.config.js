const { project } = require('../../jest.preset');
module.exports = { projects: [project('http:unit', ['<rootDir>/src/**/*.spec.ts'])] };
