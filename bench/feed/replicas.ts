/**
 * The replicas: real server processes (`server/main.ts`, as in production, through
 * server/test/support/server-process.ts) on one store — Neo4j, or one SQLite file — with
 * FEED_POLL_MS as shipped. Requests carry the admin key; subscribers get JWTs of their own (one
 * principal each: the server allows 5 connections per principal), signed with a secret made for
 * the run. CPU time and RSS are read from /proc.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import jwt from 'jsonwebtoken';
import {
  authorization,
  startServerProcess,
  stopServerProcess,
  type ServerProcess,
} from '../../server/test/support/server-process';
import { graphqlClient, type GraphQLClient } from '../http-client';

export const JWT_SECRET = randomBytes(32).toString('base64url');

export interface Replica {
  name: string;
  process: ServerProcess;
  client: GraphQLClient;
  /** `ws://127.0.0.1:<port>/graphql` */
  wsUrl: string;
}

/** NEO4J_URI (+ user, password) or DATA_DIR: where the replicas keep the network. */
export type StoreEnv = Record<string, string>;

export async function startReplica(name: string, storeEnv: StoreEnv): Promise<Replica> {
  const process = await startServerProcess(
    { ...storeEnv, JWT_SECRET, RATE_LIMIT_MAX: '0', PROJECTION_REFRESH_SECONDS: '0' },
    600_000,
  );
  return {
    name,
    process,
    client: graphqlClient(`${process.base}/graphql`, 64, authorization()),
    wsUrl: `${process.base.replace('http', 'ws')}/graphql`,
  };
}

export async function stopReplica(replica: Replica): Promise<void> {
  replica.client.close();
  await stopServerProcess(replica.process);
}

/** A viewer's JWT for subscriber number `i` (a principal of its own). */
export function viewerToken(i: number): string {
  return jwt.sign({ sub: `bench-subscriber-${i}`, role: 'viewer' }, JWT_SECRET, {
    algorithm: 'HS256',
    expiresIn: '1h',
  });
}

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** User + system CPU seconds the process used so far. */
export function cpuSeconds(pid: number): number {
  // Fields after the command name (which is in parentheses): state is field 3, utime 14, stime 15.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/** Resident memory (MB) now. */
export function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS'));
  return line ? Number(line.replace(/\D+/g, '')) / 1024 : NaN;
}

export interface Status {
  feedSeq: number;
  actorCount: number;
  collaborationCount: number;
  feedRebuilds: number;
}

export async function status(replica: Replica): Promise<Status> {
  const data = await replica.client.request<{ projectionStatus: Status }>(
    '{ projectionStatus { feedSeq actorCount collaborationCount feedRebuilds } }',
  );
  return data.projectionStatus;
}

export const CREATE_ACTOR = 'mutation ($input: CreateActorInput!) { createActor(input: $input) { id } }';
export const CREATE_COLLABORATION =
  'mutation ($input: CreateCollaborationInput!) { createCollaboration(input: $input) { id } }';
export const UPDATE_ACTOR =
  'mutation ($id: ID!, $input: UpdateActorInput!) { updateActor(id: $id, input: $input) { id } }';
/** Answered from the projection: non-null once the replica applied the collaboration between them. */
export const SHORTEST_PATH = 'query ($x: ID!, $y: ID!) { shortestPath(fromActorId: $x, toActorId: $y) { length } }';

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
