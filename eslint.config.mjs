// Lint: `npm run lint` (also in .ci/run). typescript-eslint's recommended rules, no import cycles
// (import-x/no-cycle), and the boundaries of the layout (docs/architecture.md) as
// no-restricted-imports per folder. Formatting is Prettier's (`prettier --check` in `npm run lint`).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** `from` may not import what matches `patterns` (with the reason shown to whoever tries). */
const boundary = (files, patterns, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] },
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'viewer/dist/**', 'neo4j/**', 'data/**', '**/*.cjs', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mjs'],
    plugins: { 'import-x': importX },
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['tsconfig.json', 'viewer/tsconfig.json'],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    files: ['*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' },
    },
  },
  {
    // Tests and benchmarks may use `any` for answers they only read.
    files: ['**/*.test.ts', 'server/test/**/*.ts', 'bench/**/*.ts', '**/*.suite.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  boundary(
    ['server/src/**/*.ts'],
    ['**/seed/*', '../../seed/*', '../../../seed/*'],
    'The server does not depend on the seed folder: main.ts reads the seed through seed-loading (server/src/seed-data.ts).',
  ),
  boundary(
    ['server/src/domain/**/*.ts'],
    ['**/store/*', '**/features/**', '**/platform/**', '**/service/*', '**/graph/*'],
    'domain/ holds pure rules and the model: it depends on nothing of the service.',
  ),
  boundary(
    ['server/src/**/*-rules.ts'],
    [
      '**/store/**',
      '**/platform/**',
      '**/service/**',
      '**/*.resolver',
      '**/*.type',
      '**/*.input',
      'graphql',
      'type-graphql',
    ],
    'Rules are pure: they take values and return decisions or plans, for the service and both stores alike.',
  ),
  {
    ...boundary(
      ['server/src/store/**/*.ts'],
      ['**/platform/**', '**/service/**', '**/features/*/*', '!**/features/*/*-rules'],
      'Stores know no GraphQL, HTTP or service: of a feature they use only its pure rules (*-rules.ts).',
    ),
    // Where the configuration picks an adapter.
    ignores: ['server/src/store/create-store.ts'],
  },
  boundary(
    ['server/src/features/**/*.ts', 'server/src/service/**/*.ts', 'server/src/platform/**/*.ts'],
    ['**/store/embedded', '**/store/embedded/*', '**/store/neo4j', '**/store/neo4j/*'],
    'Features talk to the service and the store port, never to an adapter (create-store.ts picks one).',
  ),
  {
    ...boundary(
      ['server/src/graph/**/*.ts', 'server/src/features/suggestions/**/*.ts', 'server/src/features/insight/**/*.ts'],
      ['**/platform/http/**', '**/platform/graphql/**', 'graphql', 'type-graphql', '@apollo/*'],
      'Graph algorithms know no GraphQL or HTTP: only the resolvers next to them do.',
    ),
    ignores: ['**/*.resolver.ts', '**/*.type.ts', '**/*.input.ts', '**/known-actor.ts'],
  },
  {
    // Resolvers read through `service.reads` and write through the service's methods.
    files: ['server/src/**/*.resolver.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='service'][property.name='store']",
          message: 'Resolvers do not reach past the service: read through service.reads, write through its methods.',
        },
      ],
    },
  },
  prettier,
);
