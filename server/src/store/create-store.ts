/** Chooses the store: Neo4j when NEO4J_URI is set, else the embedded SQLite store under DATA_DIR. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../platform/config';
import { createEmbeddedStore } from './embedded';
import type { NetworkStore } from './network-store';
import { createNeo4jStore } from './neo4j';

export const EMBEDDED_DB_FILE = 'quartiernetz.sqlite';

export function createStore(config: Pick<Config, 'neo4j' | 'dataDir'>): NetworkStore {
  if (config.neo4j) return createNeo4jStore(config.neo4j);
  mkdirSync(config.dataDir, { recursive: true });
  return createEmbeddedStore({ filename: join(config.dataDir, EMBEDDED_DB_FILE) });
}

export function describeStore(config: Pick<Config, 'neo4j' | 'dataDir'>): string {
  return config.neo4j ? `Neo4j at ${config.neo4j.uri}` : `embedded store in ${join(config.dataDir, EMBEDDED_DB_FILE)}`;
}
