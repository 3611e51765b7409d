/**
 * The Neo4j adapter of the NetworkStore port (the production store).
 *
 *   const store = createNeo4jStore({ uri: 'bolt://127.0.0.1:7687' });
 *   await store.init(); // constraints and indexes, idempotent
 *
 * One store (and so one driver, with its connection pool) per process.
 */
import { Neo4jStore } from './neo4j-store';

export { MERGE_BATCH_SIZE, Neo4jStore, type Neo4jStoreOptions } from './neo4j-store';
export { SCHEMA_STATEMENTS } from './schema';

/** A Neo4j store with its own driver for `uri` (basic auth when `user` is given). */
export function createNeo4jStore(options: {
  uri: string;
  user?: string;
  password?: string;
  database?: string;
}): Neo4jStore {
  return new Neo4jStore(options);
}
