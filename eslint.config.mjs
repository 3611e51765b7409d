// Lint: `npm run lint` (also in .ci/run). typescript-eslint's recommended rules, no import cycles
// (import-x/no-cycle), and the boundaries of the layout (docs/architecture.md) as
// no-restricted-imports per folder. Formatting is Prettier's (`prettier --check` in `npm run lint`).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const SRC = `${import.meta.dirname}/server/src`;

/** Files in `target` (a glob from the repository's root) may not import files matching `from` (absolute globs). */
const zone = (target, from, message) => ({ target: `${import.meta.dirname}/${target}`, from, message });

/** `files` may not import the packages `names` (with the reason shown to whoever tries). */
const noPackages = (files, names, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { paths: names.map((name) => ({ name, message })) }] },
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
  {
    // The layout's boundaries (docs/architecture.md), as zones of one rule: a file in `target` may
    // not import a file in `from`. (One rule for all, so that no folder's setting replaces another's.)
    files: ['server/src/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            zone(
              'server/src/**/!(*.test).ts',
              [`${import.meta.dirname}/seed/**`],
              'The server does not depend on the seed folder (main.ts wires the seed).',
            ),
            zone(
              'server/src/domain/**',
              [`${SRC}/store/**`, `${SRC}/features/**`, `${SRC}/platform/**`, `${SRC}/service/**`, `${SRC}/graph/**`],
              'domain/ holds pure rules and the model: it depends on nothing of the service.',
            ),
            zone(
              'server/src/**/*-rules.ts',
              [
                `${SRC}/store/**`,
                `${SRC}/platform/**`,
                `${SRC}/service/**`,
                `${SRC}/**/*.resolver.ts`,
                `${SRC}/**/*.type.ts`,
                `${SRC}/**/*.input.ts`,
              ],
              'Rules are pure: they take values and return decisions or plans, for the service and both stores alike.',
            ),
            {
              ...zone(
                'server/src/store/!(create-store).ts',
                [`${SRC}/platform/**`, `${SRC}/service/**`, `${SRC}/features/**`],
                'Stores know no GraphQL, HTTP or service: of a feature they use only its pure rules (*-rules.ts).',
              ),
              except: ['**/*-rules.ts'],
            },
            {
              ...zone(
                'server/src/store/*/**',
                [`${SRC}/platform/**`, `${SRC}/service/**`, `${SRC}/features/**`],
                'Stores know no GraphQL, HTTP or service: of a feature they use only its pure rules (*-rules.ts).',
              ),
              except: ['**/*-rules.ts'],
            },
            zone(
              'server/src/{features,service,platform}/**',
              [`${SRC}/store/embedded/**`, `${SRC}/store/neo4j/**`],
              'Features talk to the service and the store port, never to an adapter (create-store.ts picks one).',
            ),
            zone(
              'server/src/{graph/**,features/{insight,suggestions}/**/!(*.resolver|*.type|*.input|known-actor|suggest-read-ahead).ts}',
              [`${SRC}/platform/http/**`, `${SRC}/platform/graphql/**`],
              'Graph algorithms know no GraphQL or HTTP: only the resolvers next to them do.',
            ),
          ],
        },
      ],
    },
  },
  noPackages(
    ['server/src/**/*-rules.ts'],
    ['graphql', 'type-graphql', '@apollo/server'],
    'Rules are pure: no GraphQL in them.',
  ),
  {
    ...noPackages(
      ['server/src/graph/**/*.ts', 'server/src/features/suggestions/**/*.ts', 'server/src/features/insight/**/*.ts'],
      ['graphql', 'type-graphql', '@apollo/server'],
      'Graph algorithms know no GraphQL or HTTP: only the resolvers next to them do.',
    ),
    ignores: [
      '**/*.resolver.ts',
      '**/*.type.ts',
      '**/*.input.ts',
      '**/known-actor.ts',
      '**/suggest-read-ahead.ts',
      '**/*-rules.ts',
    ],
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
