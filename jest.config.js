/**
 * One Jest run for everything (`npm test`), in two projects (docs/testing.md):
 *   default  every `*.test.ts` but the Neo4j ones (embedded store, pure code, HTTP, viewer);
 *   neo4j    `*.neo4j.test.ts`: one file per Neo4j suite, next to its embedded counterpart. Without
 *            NEO4J_URI they are skipped (failing under CI=true); see describeNeo4j.
 * Neo4j Community has one database and each harness empties it, so no two neo4j files may run at
 * the same time: both projects use jest.runner.js, which runs the neo4j files in a pool of one worker
 * beside the other files. `npx jest --selectProjects neo4j` runs only those.
 */
const NEO4J_TESTS = '**/*.neo4j.test.ts';

/** What both projects share. */
const project = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/server', '<rootDir>/seed'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: { ignoreCodes: [151002] } }],
  },
  setupFiles: ['reflect-metadata'],
  testTimeout: 30000,
  runner: '<rootDir>/jest.runner.js',
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { ...project, displayName: 'default', testMatch: ['**/*.test.ts', `!${NEO4J_TESTS}`] },
    { ...project, displayName: 'neo4j', testMatch: [NEO4J_TESTS] },
  ],
  testTimeout: 30000,
  // Every test file loads Apollo, type-graphql and a store into the worker; in one long-lived
  // process that heap piles up over 70 files until major GCs make late suites several times slower
  // (a 3 s nested query took over 15 s). A worker past this size is replaced between files. A global
  // option: it holds for the workers of both projects (jest.runner.js hands it to both pools).
  workerIdleMemoryLimit: '1GB',
};
