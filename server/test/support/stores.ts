/**
 * Test harnesses that hand the contract suite (and any other store-level suite) a fresh, empty,
 * initialised NetworkStore per test — one for the embedded SQLite store, one for Neo4j.
 *
 * A test that touches Neo4j is a file `*.neo4j.test.ts` declaring one `describeNeo4j` block. Neo4j
 * Community has a single database, so the `neo4j` Jest project runs those files one at a time
 * (jest.runner.js; docs/testing.md).
 */
import neo4j, { type Driver } from 'neo4j-driver';

import type { NetworkStore } from '../../src/store/network-store';
import { createEmbeddedStore } from '../../src/store/embedded';
import { createNeo4jStore } from '../../src/store/neo4j';

export interface StoreHarness {
  /** Once per suite (beforeAll). */
  setup(): Promise<void>;
  /** An empty, initialised store for one test. */
  fresh(): Promise<NetworkStore>;
  /** Once per suite (afterAll). */
  teardown(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Embedded (SQLite in memory)

/** Every fresh() is a new in-memory database; the previous one is closed. */
export function embeddedHarness(): StoreHarness {
  let current: NetworkStore | null = null;

  async function closeCurrent(): Promise<void> {
    const store = current;
    current = null;
    if (store) await store.close();
  }

  return {
    async setup() {
      // nothing shared: every test gets its own in-memory database
    },
    async fresh() {
      await closeCurrent();
      const store = createEmbeddedStore({ filename: ':memory:' });
      current = store;
      await store.init();
      return store;
    },
    async teardown() {
      await closeCurrent();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Neo4j

export interface Neo4jTestConfig {
  uri: string;
  user: string;
  password: string;
}

/** From NEO4J_URI (required), NEO4J_USER (default 'neo4j'), NEO4J_PASSWORD (default 'neo4j'); null when NEO4J_URI is unset. */
export function neo4jTestConfig(): Neo4jTestConfig | null {
  const uri = process.env.NEO4J_URI?.trim();
  if (!uri) return null;
  return {
    uri,
    user: process.env.NEO4J_USER || 'neo4j',
    password: process.env.NEO4J_PASSWORD || 'neo4j',
  };
}

/** A wipe refuses to run on a database larger than this: it is surely not a test database. */
export const MAX_NODES_TO_WIPE = 200_000;

/** Above this many nodes the wipe deletes in batches instead of in one transaction. */
const BATCHED_WIPE_THRESHOLD = 10_000;

/**
 * One Neo4j store for the whole suite (init() once in setup); fresh() empties the database through
 * a driver of its own and hands back that store. Drivers are only opened in setup(), so declaring a
 * suite (e.g. a skipped one) never connects.
 */
export function neo4jHarness(config: Neo4jTestConfig): StoreHarness {
  let store: NetworkStore | null = null;
  let driver: Driver | null = null;

  async function wipe(): Promise<void> {
    if (!driver) throw new Error('neo4jHarness: fresh() called before setup()');
    const session = driver.session();
    try {
      const counted = await session.run('MATCH (n) RETURN count(n) AS nodes');
      const nodes = neo4j.integer.toNumber(counted.records[0].get('nodes'));
      if (nodes > MAX_NODES_TO_WIPE) {
        throw new Error(
          `neo4jHarness refuses to wipe ${config.uri}: it holds ${nodes} nodes (more than ${MAX_NODES_TO_WIPE}), ` +
            'which does not look like a test database. Point NEO4J_URI at a disposable Neo4j (npm run neo4j:start).',
        );
      }
      if (nodes === 0) return;
      if (nodes > BATCHED_WIPE_THRESHOLD) {
        // CALL { } IN TRANSACTIONS needs an implicit (auto-commit) transaction: session.run.
        await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
      } else {
        await session.executeWrite((tx) => tx.run('MATCH (n) DETACH DELETE n'));
      }
    } finally {
      await session.close();
    }
  }

  return {
    async setup() {
      driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
      await driver.verifyConnectivity();
      store = createNeo4jStore({ uri: config.uri, user: config.user, password: config.password });
      await store.init();
    },
    async fresh() {
      if (!store) throw new Error('neo4jHarness: fresh() called before setup()');
      await wipe();
      return store;
    },
    async teardown() {
      const s = store;
      const d = driver;
      store = null;
      driver = null;
      try {
        if (s) await s.close();
      } finally {
        if (d) await d.close();
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The rule for Neo4j suites

export const NEO4J_CI_MESSAGE =
  'CI=true but NEO4J_URI is not set: start Neo4j with `npm run neo4j:start` and export NEO4J_URI=bolt://127.0.0.1:7687';
export const NEO4J_SKIP_MESSAGE =
  'skipped: set NEO4J_URI (npm run neo4j:start; export NEO4J_URI=bolt://127.0.0.1:7687)';

/** Used to declare (never run) the tests of a skipped suite; no connection is ever made to it. */
const UNCONFIGURED: Neo4jTestConfig = {
  uri: 'bolt://neo4j-not-configured.invalid:7687',
  user: 'neo4j',
  password: 'neo4j',
};

let warnedSkip = false;

/**
 * Declares a Neo4j suite. Configured (NEO4J_URI set): `describe(name, ...)`. Not configured: on CI
 * (CI=true) one failing test says how to start Neo4j; elsewhere the suite is declared skipped, with
 * the hint in its name and once on the console.
 *
 * `fn` gets the configuration (a placeholder in the skipped case, where nothing runs).
 */
export function describeNeo4j(name: string, fn: (config: Neo4jTestConfig) => void): void {
  const config = neo4jTestConfig();
  if (config) {
    describe(name, () => fn(config));
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      test('Neo4j is configured', () => {
        throw new Error(NEO4J_CI_MESSAGE);
      });
    });
    return;
  }
  if (!warnedSkip) {
    warnedSkip = true;
    console.warn(`Neo4j suites ${NEO4J_SKIP_MESSAGE}`);
  }
  describe.skip(`${name} (${NEO4J_SKIP_MESSAGE})`, () => fn(UNCONFIGURED));
}
