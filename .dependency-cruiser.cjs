// Import boundaries, checked on the sources (`pnpm lint`, through turbo's //#boundaries task).
// Apps never import apps, libs and tools never import apps, no module-level cycles, and each lib
// imports only the libs below it. @qbm/<lib> resolves to libs/<lib>/src (tsconfig.depcruise.json),
// so the graph is the sources', built or not.

// Each lib and the libs it may import. @qbm/testing is for test code only and imports no lib.
const LIB_LAYERS = {
  contracts: [],
  config: ['contracts'],
  redis: ['contracts', 'config'],
  observability: ['contracts', 'config', 'redis'],
  http: ['contracts', 'config', 'redis', 'observability'],
  queues: ['contracts', 'config', 'redis', 'observability', 'http'],
  testing: [],
};
const APP_PACKAGES = '^@qbm/(api|inference|notifier|cli)(/|$)';
const TEST_CODE = '(^[^/]+/[^/]+/test/|\\.(spec|int-spec|e2e-spec|type-test)\\.ts$)';

module.exports = {
  forbidden: [
    {
      name: 'no-app-to-app',
      comment: 'Apps never import each other; they meet through libs/contracts (queues) and HTTP.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: ['^apps/', APP_PACKAGES], pathNot: '^apps/$1/' },
    },
    {
      name: 'no-lib-to-app',
      comment: 'Libraries and tools never import an app.',
      severity: 'error',
      from: { path: '^(libs|tools)/' },
      to: { path: ['^apps/', APP_PACKAGES] },
    },
    {
      name: 'no-circular',
      comment:
        'No module takes part in an import cycle. Entities are the exception: a TypeORM relation names ' +
        'its other side in both entities, each resolved lazily (`() => Okr`), so they may import each other.',
      severity: 'error',
      from: { pathNot: '\\.entity\\.ts$' },
      to: { circular: true },
    },
    {
      name: 'testing-in-tests-only',
      comment: '@qbm/testing is test code: a source file that ships never imports it.',
      severity: 'error',
      from: { path: '^(apps|libs|tools)/[^/]+/src/', pathNot: [TEST_CODE, '^libs/testing/'] },
      to: { path: '^libs/testing/' },
    },
    // Test code may also use @qbm/testing; testing-in-tests-only keeps it out of shipped sources.
    ...Object.entries(LIB_LAYERS).map(([lib, below]) => ({
      name: `lib-order-${lib}`,
      comment: `@qbm/${lib} may import only ${below.length ? below.map((l) => `@qbm/${l}`).join(', ') : 'no other lib'}.`,
      severity: 'error',
      from: { path: `^libs/${lib}/` },
      to: { path: '^libs/', pathNot: `^libs/(${[lib, ...below, 'testing'].join('|')})/` },
    })),
  ],
  options: {
    doNotFollow: { path: ['node_modules'] },
    exclude: { path: ['/dist/', '/node_modules/', '\\.d\\.ts$'] },
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['require', 'node', 'default'] },
    moduleSystems: ['cjs', 'es6'],
    reporterOptions: {
      archi: { collapsePattern: '^(apps|libs|tools)/[^/]+' },
      text: { highlightFocused: true },
    },
  },
};
