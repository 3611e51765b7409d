/**
 * Configuration from environment variables, read once at start. Every variable is documented in
 * the README; defaults serve a district on one machine with the embedded store.
 */
import { resolve } from 'node:path';
import { DEFAULT_BLOCK_THRESHOLD_MS } from './event-loop-watch';
import { API_KEY_PREFIX, MIN_PROVIDED_SECRET_LENGTH } from '../features/access/api-keys';
import type { AnonymousAccess, AuthConfig } from '../features/access/authenticate';
import { DEFAULT_JWT_MAX_AGE_SECONDS, type JwtConfig } from '../features/access/jwt';

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
   * The safety net behind the change feed: compare the projection with a fresh snapshot of the
   * store every this many seconds and rebuild it when they differ; 0 = never. Writes of other
   * programs arrive through the feed (`feed`), not through this.
   */
  projectionRefreshSeconds: number;
  /** The change feed (docs/live.md): FEED_POLL_MS (≤ 1000) and FEED_RETENTION_HOURS. */
  feed: { pollMs: number; retentionHours: number };
  production: boolean;
  /** Origins allowed to call the API from a browser (CORS); same-origin only when empty. */
  corsOrigins: string[];
  /** Largest accepted request body, in the `bytes` library's notation. */
  bodyLimit: string;
  /** Apollo's landing page / introspection. */
  introspection: boolean;
  /**
   * GRAPHQL_COMPILED_QUERIES: queries compiled by graphql-jit once they repeat
   * (graphql/compiled-execution.ts); off, graphql-js interprets every one (the same answers, slower).
   */
  compiledQueries: boolean;
  /** Who may ask what: anonymous access, JWTs (server/src/features/access). */
  auth: AuthConfig;
  /** ADMIN_API_KEY: the bootstrap admin key, stored (hashed) at start if the store lacks it. */
  adminApiKey: string | null;
  /** Limits against abusive requests (query shape, rate); see LimitsConfig. */
  limits: LimitsConfig;
  /**
   * How long a network-insight request waits for a computation running in the background before
   * it answers COMPUTING (with `retryAfterSeconds`).
   */
  insightWaitSeconds: number;
  /**
   * Until how long after the process's start /readyz answers 503 "starting" while the suggestion
   * model's first fit runs (default 10 s: a network of some thousands of actors is fitted by then,
   * so clients and replicas get the fitted model from the start; a 100k network's fit takes 30–40 s
   * and must not keep the service out of rotation that long). 0: ready once the service answers.
   */
  fitReadyWaitSeconds: number;
  /** Work that holds the event loop this many ms of CPU or more is logged (platform/event-loop-watch.ts). */
  eventLoopReportMs: number;
}

/** The shortest JWT_SECRET accepted: 256 bits for HS256, as RFC 7518 §3.2 asks of its key. */
export const MIN_JWT_SECRET_LENGTH = 32;

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

/**
 * How often a server reads the change feed when FEED_POLL_MS is not set: a write elsewhere reaches
 * it within this interval plus one apply (p95 under 1 s), at two indexed queries per interval.
 */
export const DEFAULT_FEED_POLL_MS = 500;

function feedConfig(env: NodeJS.ProcessEnv): { pollMs: number; retentionHours: number } {
  const pollMs = env.FEED_POLL_MS ? Number(env.FEED_POLL_MS) : DEFAULT_FEED_POLL_MS;
  if (!Number.isInteger(pollMs) || pollMs < 10 || pollMs > 1000) {
    throw new Error(`FEED_POLL_MS must be a whole number of milliseconds from 10 to 1000, not "${env.FEED_POLL_MS}"`);
  }
  const retentionHours = env.FEED_RETENTION_HOURS ? Number(env.FEED_RETENTION_HOURS) : 48;
  if (!Number.isFinite(retentionHours) || retentionHours <= 0) {
    throw new Error(`FEED_RETENTION_HOURS must be a positive number of hours, not "${env.FEED_RETENTION_HOURS}"`);
  }
  return { pollMs, retentionHours };
}

function eventLoopReportMs(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_BLOCK_THRESHOLD_MS;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 10)
    throw new Error(`EVENT_LOOP_REPORT_MS must be a whole number of milliseconds, at least 10, not "${value}"`);
  return parsed;
}

function anonymousAccess(value: string | undefined): AnonymousAccess {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '' || v === 'none') return 'none';
  if (v === 'viewer') return 'viewer';
  throw new Error(`ANONYMOUS_ACCESS must be "none" or "viewer", not "${value}"`);
}

function jwtConfig(env: NodeJS.ProcessEnv): JwtConfig | null {
  const secret = env.JWT_SECRET ?? '';
  if (secret === '') {
    const orphan = ['JWT_ISSUER', 'JWT_AUDIENCE', 'JWT_ROLE_CLAIM', 'JWT_MAX_AGE_SECONDS'].find((name) => env[name]);
    if (orphan) throw new Error(`${orphan} is set but JWT_SECRET is not: set JWT_SECRET to accept JWTs`);
    return null;
  }
  if (secret.length < MIN_JWT_SECRET_LENGTH)
    throw new Error(`JWT_SECRET must be at least ${MIN_JWT_SECRET_LENGTH} characters long`);
  return {
    secret,
    issuer: env.JWT_ISSUER || null,
    audience: env.JWT_AUDIENCE || null,
    roleClaim: env.JWT_ROLE_CLAIM || 'role',
    maxAgeSeconds: seconds(env.JWT_MAX_AGE_SECONDS, DEFAULT_JWT_MAX_AGE_SECONDS, 'JWT_MAX_AGE_SECONDS'),
  };
}

function adminApiKey(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  const secret = value.startsWith(API_KEY_PREFIX) ? value.slice(API_KEY_PREFIX.length) : '';
  if (secret.length < MIN_PROVIDED_SECRET_LENGTH || !/^[A-Za-z0-9_-]+$/.test(secret)) {
    throw new Error(
      `ADMIN_API_KEY must be "${API_KEY_PREFIX}" followed by at least ${MIN_PROVIDED_SECRET_LENGTH} random characters of A–Z, a–z, 0–9, "-" and "_" ` +
        "(e.g. from `node -e \"console.log('qn_' + require('crypto').randomBytes(32).toString('base64url'))\"`)",
    );
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${env.PORT}"`);
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
    projectionRefreshSeconds: seconds(env.PROJECTION_REFRESH_SECONDS, 3600, 'PROJECTION_REFRESH_SECONDS'),
    feed: feedConfig(env),
    production,
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    bodyLimit: env.BODY_LIMIT ?? '1mb',
    introspection: flag(env.GRAPHQL_INTROSPECTION, !production),
    compiledQueries: flag(env.GRAPHQL_COMPILED_QUERIES, true),
    auth: { anonymousAccess: anonymousAccess(env.ANONYMOUS_ACCESS), jwt: jwtConfig(env) },
    adminApiKey: adminApiKey(env.ADMIN_API_KEY),
    limits: loadLimits(env),
    insightWaitSeconds: seconds(env.INSIGHT_WAIT_SECONDS, 10, 'INSIGHT_WAIT_SECONDS'),
    fitReadyWaitSeconds: seconds(env.FIT_READY_WAIT_SECONDS, 10, 'FIT_READY_WAIT_SECONDS'),
    eventLoopReportMs: eventLoopReportMs(env.EVENT_LOOP_REPORT_MS),
  };
}

// ---------------------------------------------------------------------------------------------
// Limits against abusive requests (README, "Limits")

/** The shape of one GraphQL document (graphql-armor's measures). */
export interface QueryLimits {
  /** Nesting of selections: `{ actor { collaborators { actor { name } } } }` is 4. */
  maxDepth: number;
  /** graphql-armor's cost: objects 2, scalars 1, × 2 per level of nesting, × a literal `first`. */
  maxCost: number;
  maxAliases: number;
  /** Lexical tokens of the document (names, punctuation, values). */
  maxTokens: number;
  maxDirectives: number;
  /** List items one answer may hold, counted while it is computed (graphql/request-guard.ts). */
  maxResults: number;
  /** Wall time one answer may take to compute, in ms (graphql/request-guard.ts). */
  maxMillis: number;
}

export interface RateLimitConfig {
  /** Requests per window and client (API principal, else IP address); 0 = no rate limit. */
  max: number;
  windowMs: number;
}

export interface LimitsConfig {
  query: QueryLimits;
  rateLimit: RateLimitConfig;
  /** Express's `trust proxy`: which proxies' X-Forwarded-For names the client (for the rate limit by IP). */
  trustProxy: boolean | number | string;
}

/**
 * Chosen from the largest legitimate operations (the viewer's, schema/examples.graphql and every
 * query of the test suites, measured) with headroom; see the README for the figures.
 */
export const DEFAULT_LIMITS: LimitsConfig = {
  query: {
    maxDepth: 8,
    maxCost: 300_000,
    maxAliases: 50,
    maxTokens: 5_000,
    maxDirectives: 20,
    maxResults: 100_000,
    maxMillis: 15_000,
  },
  rateLimit: { max: 600, windowMs: 60_000 },
  trustProxy: false,
};

function count(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a whole number, not "${value}"`);
  return parsed;
}

/** TRUST_PROXY: a number of proxy hops, `true`/`false`, or addresses/subnets as Express takes them. */
function trustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

export function loadLimits(env: NodeJS.ProcessEnv = process.env): LimitsConfig {
  const q = DEFAULT_LIMITS.query;
  const positive = (value: string | undefined, fallback: number, name: string) => {
    const n = count(value, fallback, name);
    if (n === 0) throw new Error(`${name} must be at least 1`);
    return n;
  };
  const window = seconds(
    env.RATE_LIMIT_WINDOW_SECONDS,
    DEFAULT_LIMITS.rateLimit.windowMs / 1000,
    'RATE_LIMIT_WINDOW_SECONDS',
  );
  if (window <= 0) throw new Error('RATE_LIMIT_WINDOW_SECONDS must be more than 0');
  return {
    query: {
      maxDepth: positive(env.QUERY_MAX_DEPTH, q.maxDepth, 'QUERY_MAX_DEPTH'),
      maxCost: positive(env.QUERY_MAX_COST, q.maxCost, 'QUERY_MAX_COST'),
      maxAliases: count(env.QUERY_MAX_ALIASES, q.maxAliases, 'QUERY_MAX_ALIASES'),
      maxTokens: positive(env.QUERY_MAX_TOKENS, q.maxTokens, 'QUERY_MAX_TOKENS'),
      maxDirectives: count(env.QUERY_MAX_DIRECTIVES, q.maxDirectives, 'QUERY_MAX_DIRECTIVES'),
      maxResults: positive(env.QUERY_MAX_RESULTS, q.maxResults, 'QUERY_MAX_RESULTS'),
      maxMillis: positive(env.QUERY_MAX_MILLIS, q.maxMillis, 'QUERY_MAX_MILLIS'),
    },
    rateLimit: {
      max: count(env.RATE_LIMIT_MAX, DEFAULT_LIMITS.rateLimit.max, 'RATE_LIMIT_MAX'),
      windowMs: Math.round(window * 1000),
    },
    trustProxy: trustProxy(env.TRUST_PROXY),
  };
}
