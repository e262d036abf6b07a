// Shared jest settings: ts-jest transpiles only; `pnpm typecheck` type-checks tests with the same strict config.
const path = require('node:path');

const transform = { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] };
const moduleNameMapper = {
  // Every lib is tested from its source: @qbm/<lib> is libs/<lib>/src/index.ts.
  '^@qbm/(.*)$': path.join(__dirname, 'libs/$1/src/index.ts'),
  '^@fastify/static$': path.join(__dirname, 'test-support/fastify-static.stub.js'),
};

function project(displayName, testMatch, extra = {}) {
  return {
    displayName,
    testMatch,
    transform,
    moduleNameMapper,
    testEnvironment: 'node',
    moduleFileExtensions: ['ts', 'js', 'json'],
    ...extra,
  };
}

module.exports = { project };
