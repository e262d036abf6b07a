import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Import boundaries (apps never import apps, libs never import apps, no cycles, libs in their
// dependency order) are checked by dependency-cruiser: .dependency-cruiser.cjs, run by `turbo run lint`.

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
    },
  },
  {
    // TypeORM stays in repositories: the layers above hold at most a Transaction handle to pass on.
    files: ['apps/*/src/**/*.{use-case,service,controller}.ts', 'apps/*/src/**/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['typeorm', '@nestjs/typeorm'].map((name) => ({ name, message: 'Queries belong in a repository.' })),
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Transaction', property: 'manager', message: 'Only repositories open a Transaction.' },
      ],
    },
  },
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
