/**
 * Two real server processes on one store (a Neo4j database, or one SQLite file in WAL mode: the
 * embedded store takes its write lock per IMMEDIATE transaction and waits busy_timeout for another
 * process), written to concurrently through both: each follows the other's writes through the change
 * feed, and afterwards both projections equal a fresh rebuild from the store (the safety net
 * compares fingerprints and finds no difference). Measures how long a write through one replica
 * takes to show in the other's projection.
 */
import { DEFAULT_FEED_POLL_MS } from '../../src/platform/config';
import type { NetworkStore } from '../../src/store/network-store';
import { startServerProcess, stopServerProcess, type ServerProcess } from '../support/server-process';

/** The shared store: the test's own handle on it, what the two servers need to open it, the cleanup. */
export interface ReplicaStore {
  store: NetworkStore;
  env: Record<string, string>;
  teardown(): Promise<void>;
}

interface Status {
  feedSeq: number;
  feedRebuilds: number;
  verifications: number;
  differencesFound: number;
  version: number;
}

async function gql<T>(server: ServerProcess, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const body = (await (await server.graphql(query, variables)).json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

const STATUS = '{ projectionStatus { feedSeq feedRebuilds verifications differencesFound version } }';
const VERIFY = 'mutation { rebuildProjection { feedSeq feedRebuilds verifications differencesFound version } }';

export function describeReplicas(label: string, open: () => Promise<ReplicaStore>): void {
  describe(`two server replicas on one store follow each other through the change feed (${label})`, () => {
    replicasSuite(label, open);
  });
}

function replicasSuite(label: string, open: () => Promise<ReplicaStore>): void {
  let shared: ReplicaStore;
  let store: NetworkStore;
  const servers: ServerProcess[] = [];
  jest.setTimeout(180_000);

  beforeAll(async () => {
    shared = await open();
    store = shared.store;
    await store.mergeGraph({
      topics: [{ id: 'garten', name: 'Garten' }],
      actors: Array.from({ length: 10 }, (_, i) => ({
        id: `s${i}`,
        name: `Start ${i}`,
        kind: 'GROUP' as const,
        interests: [{ topicId: 'garten' }],
      })),
      collaborations: [{ id: 'fest', title: 'Fest', kind: 'EVENT', participants: [{ actorId: 's0', role: 'HOST' }] }],
    });
    // The shipped poll interval (DEFAULT_FEED_POLL_MS).
    const env = { ...shared.env, FEED_POLL_MS: String(DEFAULT_FEED_POLL_MS) };
    // One after the other: the first stores the bootstrap admin key, the second finds it.
    servers.push(await startServerProcess(env, 120_000));
    servers.push(await startServerProcess(env, 120_000));
  });

  afterAll(async () => {
    for (const s of servers.splice(0)) await stopServerProcess(s);
    await shared.teardown();
  });

  test('concurrent writes through both replicas: both projections equal a fresh rebuild', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const writes: Array<Promise<unknown>> = [];
    for (let i = 0; i < 12; i++) {
      for (const [name, server] of [
        ['a', a],
        ['b', b],
      ] as const) {
        const id = `${name}${i}`;
        writes.push(
          (async () => {
            await gql(server, 'mutation ($input: CreateActorInput!) { createActor(input: $input) { id } }', {
              input: { id, name: `Akteur ${id}`, kind: 'INITIATIVE' },
            });
            await gql(
              server,
              'mutation ($a: ID!) { addParticipant(collaborationId: "fest", actorId: $a, role: MEMBER) { id } }',
              { a: id },
            );
            if (i % 3 === 0)
              await gql(
                server,
                'mutation ($a: ID!) { setActorInterests(actorId: $a, interests: [{ topicId: "garten" }]) { id } }',
                { a: id },
              );
            if (i % 4 === 0)
              await gql(
                server,
                'mutation ($a: ID!) { removeParticipant(collaborationId: "fest", actorId: $a) { id } }',
                { a: id },
              );
          })(),
        );
      }
    }
    writes.push(gql(a, 'mutation { updateActor(id: "s1", input: { kind: ASSOCIATION }) { id } }'));
    writes.push(gql(b, 'mutation { deleteActor(id: "s2") }'));
    writes.push(gql(b, 'mutation { mergeActors(keepId: "s3", mergeIds: ["s4"]) { id } }'));
    await Promise.all(writes);

    const head = (await store.feedHead()).head;
    const deadline = Date.now() + 5000;
    for (const server of [a, b]) {
      for (;;) {
        const { projectionStatus } = await gql<{ projectionStatus: Status }>(server, STATUS);
        if (projectionStatus.feedSeq >= head) break;
        if (Date.now() > deadline)
          throw new Error(`a replica did not reach seq ${head}: ${JSON.stringify(projectionStatus)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    for (const server of [a, b]) {
      const { rebuildProjection } = await gql<{ rebuildProjection: Status }>(server, VERIFY);
      expect(rebuildProjection).toMatchObject({ verifications: 1, differencesFound: 0, feedRebuilds: 0 });
    }
  });

  test('a write through one replica shows in the other within the poll interval', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const PATH = 'query ($x: ID!, $y: ID!) { shortestPath(fromActorId: $x, toActorId: $y) { length } }';
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) {
      const [writer, reader] = i % 2 === 0 ? [a, b] : [b, a];
      const id = `link${i}`;
      await gql(writer, 'mutation ($input: CreateCollaborationInput!) { createCollaboration(input: $input) { id } }', {
        input: {
          id,
          title: `Link ${i}`,
          kind: 'MEETING',
          participants: [
            { actorId: 's5', role: 'HOST' },
            { actorId: `s${6 + (i % 4)}`, role: 'MEMBER' },
          ],
        },
      });
      const written = Date.now();
      for (;;) {
        const body = (await (await reader.graphql(PATH, { x: 's5', y: `s${6 + (i % 4)}` })).json()) as {
          data?: { shortestPath: unknown };
        };
        if (body.data?.shortestPath) break;
        if (Date.now() - written > 5000) throw new Error('not seen within 5 s');
        await new Promise((r) => setTimeout(r, 10));
      }
      samples.push(Date.now() - written);
      await gql(writer, 'mutation ($id: ID!) { deleteCollaboration(id: $id) }', { id });
      await new Promise((r) => setTimeout(r, DEFAULT_FEED_POLL_MS + 100));
    }
    console.log(
      `replica-to-replica propagation (${label}, FEED_POLL_MS=${DEFAULT_FEED_POLL_MS}): ${samples.join(', ')} ms`,
    );
    // Within the poll interval plus a second for the feed read, the request and a loaded CI machine
    // (the product target, p95 < 1 s, is measured by `npm run bench:feed`).
    for (const ms of samples) expect(ms).toBeLessThan(DEFAULT_FEED_POLL_MS + 1000);
  });
}
