/**
 * Configuration from environment variables, read once at start. Every variable is documented in
 * the README; defaults serve a district on one machine with the embedded store.
 */
import { resolve } from 'node:path';

export interface Neo4jConfig {
  uri: string;
  user: string;
  password: string;
  database?: string;
}

export interface Config {
  port: number;
  host: string;
  /** Where the embedded store keeps its SQLite file. */
  dataDir: string;
  /** Set when NEO4J_URI is: the service then uses Neo4j instead of the embedded store. */
  neo4j: Neo4jConfig | null;
  /** Load the Batenbrock seed into an empty store at start. */
  seedWhenEmpty: boolean;
  /**
   * Rebuild the projection from the store every this many seconds, to pick up writes that did not
   * go through this service (other programs writing to Neo4j); 0 = never.
   */
  projectionRefreshSeconds: number;
  production: boolean;
  /** Origins allowed to call the API from a browser (CORS); same-origin only when empty. */
  corsOrigins: string[];
  /** Largest accepted request body, in the `bytes` library's notation. */
  bodyLimit: string;
  /** Apollo's landing page / introspection. */
  introspection: boolean;
  /**
   * How long a network-insight request waits for a computation running in the background before
   * it answers COMPUTING (with `retryAfterSeconds`).
   */
  insightWaitSeconds: number;
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

function seconds(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`${name} must be a number of seconds, not "${value}"`);
  return parsed;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    neo4j: env.NEO4J_URI
      ? {
          uri: env.NEO4J_URI,
          user: env.NEO4J_USER ?? 'neo4j',
          password: env.NEO4J_PASSWORD ?? 'neo4j',
          database: env.NEO4J_DATABASE || undefined,
        }
      : null,
    seedWhenEmpty: env.SEED !== 'none',
    projectionRefreshSeconds: seconds(env.PROJECTION_REFRESH_SECONDS, env.NEO4J_URI ? 300 : 0, 'PROJECTION_REFRESH_SECONDS'),
    production,
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    bodyLimit: env.BODY_LIMIT ?? '1mb',
    introspection: flag(env.GRAPHQL_INTROSPECTION, !production),
    insightWaitSeconds: seconds(env.INSIGHT_WAIT_SECONDS, 10, 'INSIGHT_WAIT_SECONDS'),
  };
}
