// Shared jest settings: ts-jest transpiles only; `pnpm typecheck` type-checks tests with the same strict config.
const path = require('node:path');

const transform = { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] };
const moduleNameMapper = {
  '^@qbm/contracts$': path.join(__dirname, 'libs/contracts/src/index.ts'),
  '^@qbm/observability$': path.join(__dirname, 'libs/observability/src/index.ts'),
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
