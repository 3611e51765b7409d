/**
 * One Jest run for everything. Suites that write to Neo4j live in modules named `*.neo4j-suite.ts`
 * and are gathered into one file (server/test/neo4j.test.ts) so they never run in parallel
 * against Neo4j Community's single database.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/server', '<rootDir>/seed'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: { ignoreCodes: [151002] } }],
  },
  setupFiles: ['reflect-metadata'],
  testTimeout: 30000,
  // Every test file loads Apollo, type-graphql and a store into the worker; in one long-lived
  // process that heap piles up over 70 files until major GCs make late suites several times slower
  // (a 3 s nested query took over 15 s). A worker past this size is replaced between files.
  workerIdleMemoryLimit: '1GB',
};
