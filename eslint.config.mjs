import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Import boundaries. Apps never import each other and libs never import apps; among the libs the
// direction is contracts <- config, redis, observability <- http <- queues (never the reverse).
const APP_TO_APP = ['**/apps/*', '@qbm/api', '@qbm/inference', '@qbm/notifier'];
const APPS = ['**/apps/**', '@qbm/api', '@qbm/api/**', '@qbm/inference', '@qbm/notifier', '@qbm/cli'];
const noImports = (files, group, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ group, message }] }] },
});
const LIBS_ABOVE = {
  contracts: ['@qbm/config', '@qbm/http', '@qbm/redis', '@qbm/observability', '@qbm/queues'],
  config: ['@qbm/http', '@qbm/redis', '@qbm/observability', '@qbm/queues'],
  redis: ['@qbm/http', '@qbm/observability', '@qbm/queues'],
  observability: ['@qbm/http', '@qbm/queues'],
  http: ['@qbm/queues'],
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/unbound-method': 'off',
      // Apps never import each other; they meet through libs/contracts and HTTP.
      'no-restricted-imports': ['error', { patterns: APP_TO_APP }],
    },
  },
  {
    // TypeORM stays in repositories: the layers above hold at most a Transaction handle to pass on.
    files: ['apps/*/src/**/*.{use-case,service,controller}.ts', 'apps/*/src/**/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: APP_TO_APP,
          paths: ['typeorm', '@nestjs/typeorm'].map((name) => ({ name, message: 'Queries belong in a repository.' })),
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Transaction', property: 'manager', message: 'Only repositories open a Transaction.' },
      ],
    },
  },
  noImports(['libs/**/*.ts'], APPS, 'Libraries never import apps.'),
  ...Object.entries(LIBS_ABOVE).map(([lib, above]) =>
    noImports([`libs/${lib}/**/*.ts`], [...APPS, ...above], `@qbm/${lib} may import only the libraries below it.`),
  ),
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
    rules: {
      // HTTP response bodies in tests are untyped JSON by nature; assertions check their shape.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
