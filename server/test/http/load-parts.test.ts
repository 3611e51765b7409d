/**
 * A large loader batch is cut into store calls by rows, not only by keys
 * (platform/graphql/load-parts.ts): the actors of many topics of a large network were one store
 * call (the interests in 100 topics of the 100k network: 191,443 rows, ~1.9 s of a blocked event
 * loop). Through the real API on the embedded store: the calls stay within ROWS_PER_CALL (a key
 * with more rows is read in pages of its own), and the answer is the same as read in one call.
 */
import { generateNetwork } from '../../../seed/generate';
import { KEYS_PER_PART, ROWS_PER_CALL, partsOf } from '../../src/platform/graphql/load-parts';
import { createEmbeddedStore } from '../../src/store/embedded';
import type { GraphData } from '../../src/domain/records';
import type { NetworkStore } from '../../src/store/network-store';
import { startHttpApi, TEST_LIMITS, type HttpApi } from '../support/http-api';

type StoreRead = {
  [K in keyof NetworkStore]: NetworkStore[K] extends (...args: never[]) => Promise<unknown> ? K : never;
}[keyof NetworkStore];
type ReadOf<K extends StoreRead> = Extract<NetworkStore[K], (...args: never[]) => Promise<unknown>>;

/** Spies on a store read: each call answers as before, and `seen` gets its arguments and its answer. */
function afterEachCall<K extends StoreRead>(
  store: NetworkStore,
  read: K,
  seen: (args: Parameters<ReadOf<K>>, answer: Awaited<ReturnType<ReadOf<K>>>) => void,
): void {
  const original = (store[read] as (...args: unknown[]) => Promise<unknown>).bind(store);
  jest.spyOn(store, read).mockImplementation((async (...args: Parameters<ReadOf<K>>) => {
    const answer = (await original(...args)) as Awaited<ReturnType<ReadOf<K>>>;
    seen(args, answer);
    return answer;
  }) as never);
}

/**
 * An embedded store in memory behind the real API, seeded, for the tests of one describe block;
 * `watch` sets its spies once the seed is in. Closed (and the spies restored) after the block.
 */
function useSeededApi(options: Parameters<typeof startHttpApi>[1], watch: (store: NetworkStore) => void) {
  const used = {} as { store: NetworkStore; api: HttpApi };
  beforeAll(async () => {
    used.store = createEmbeddedStore({ filename: ':memory:' });
    await used.store.init();
    used.api = await startHttpApi(used.store, options);
    watch(used.store);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await used.api.stop();
    await used.store.close();
  });
  return used;
}

describe('partsOf', () => {
  const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}`);

  test('a batch of at most 500 keys without sizes is one call; a larger one parts of 100', () => {
    expect(partsOf(keys(500))).toEqual([keys(500)]);
    const parts = partsOf(keys(501));
    expect(parts.map((p) => p.length)).toEqual([100, 100, 100, 100, 100, 1]);
    expect(parts.flat()).toEqual(keys(501));
  });

  test('with sizes: one call within the rows, else parts within the rows, a large key alone, in key order', () => {
    const rows: Record<string, number> = { a: 10, b: 2000, c: 600, d: 9000, e: 1, f: 2499 };
    const rowsOf = (k: string) => rows[k]!;
    expect(partsOf(['a', 'b', 'e'], rowsOf)).toEqual([['a', 'b', 'e']]);
    expect(partsOf(['a', 'b', 'c', 'd', 'e', 'f'], rowsOf)).toEqual([['a', 'b'], ['c'], ['d'], ['e', 'f']]);
    expect(partsOf(keys(300), () => 1).length).toBe(1);
    expect(partsOf(keys(300), () => 100).every((p) => p.length === ROWS_PER_CALL / 100)).toBe(true);
    expect(partsOf(keys(600), () => 1).every((p) => p.length <= KEYS_PER_PART)).toBe(true);
  });
});

describe('a large loader batch through the API', () => {
  const calls: Array<{ keys: number; rows: number }> = [];
  // 4,000 actors over 12 topics: ~1,000 interests per topic, a few thousand per batch of topics.
  const used = useSeededApi({ seed: generateNetwork({ actors: 4000, topics: 12, seed: 9 }) }, (store) =>
    afterEachCall(store, 'interestsInTopics', ([ids], answer) =>
      calls.push({ keys: ids.length, rows: answer.reduce((sum, list) => sum + list.length, 0) }),
    ),
  );

  test('the actors of every topic: store calls within ROWS_PER_CALL, the same answer as one call', async () => {
    const response = await used.api.post({ query: '{ topics(first: 50) { nodes { id actors { id } } } }' });
    const body = await response.json();
    expect(body.errors).toBeUndefined();
    const topics: Array<{ id: string; actors: Array<{ id: string }> }> = body.data.topics.nodes;
    expect(topics.length).toBe(12);
    const rows = topics.reduce((sum, t) => sum + t.actors.length, 0);
    expect(rows).toBeGreaterThan(2 * ROWS_PER_CALL);
    // Cut into several calls, none over the rows unless it is a single topic.
    expect(calls.length).toBeGreaterThan(1);
    for (const call of calls) expect(call.keys === 1 || call.rows <= ROWS_PER_CALL).toBe(true);
    // The same actors in the same order as one call for all topics.
    calls.length = 0;
    const direct = await used.store.interestsInTopics(topics.map((t) => t.id));
    expect(topics.map((t) => t.actors.map((a) => a.id))).toEqual(direct.map((list) => list.map((i) => i.actorId)));
  });
});

describe('a batch whose rows cannot fit the answer', () => {
  const read: number[] = [];
  const used = useSeededApi(
    {
      seed: generateNetwork({ actors: 4000, topics: 12, seed: 9 }),
      config: { limits: { ...TEST_LIMITS, query: { ...TEST_LIMITS.query, maxResults: 5_000 } } },
    },
    (store) => afterEachCall(store, 'interestsInTopics', ([ids]) => read.push(ids.length)),
  );

  test('is refused before it is read: counted in the store, then QUERY_TOO_COMPLEX', async () => {
    const response = await used.api.post({ query: '{ topics(first: 50) { nodes { id actors { id } } } }' });
    const body = await response.json();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'results', max: 5_000 });
    expect(read).toEqual([]);
    // Within the budget the same lists are read and answered.
    const small = await used.api.post({ query: '{ topics(first: 2) { nodes { id actors { id } } } }' });
    const answer = await small.json();
    expect(answer.errors).toBeUndefined();
    expect(answer.data.topics.nodes[0].actors.length).toBeGreaterThan(0);
  });
});

describe('one topic with more rows than a call', () => {
  const pages: Array<{ read: string; rows: number }> = [];
  // 7,000 actors on two topics: one topic holds every actor (7,000 interests) and 2,800 collaborations.
  const used = useSeededApi({ seed: generateNetwork({ actors: 7000, topics: 2, seed: 9 }) }, (store) => {
    afterEachCall(store, 'interestsInTopicPage', (_, page) =>
      pages.push({ read: 'interestsInTopicPage', rows: page.length }),
    );
    afterEachCall(store, 'collaborationsOfTopicPage', (_, page) =>
      pages.push({ read: 'collaborationsOfTopicPage', rows: page.length }),
    );
  });

  test('is read in pages within ROWS_PER_CALL and answered in the order of one call', async () => {
    const response = await used.api.post({
      query:
        '{ topics(first: 5) { nodes { id actorCount actors { id } interests { weight } collaborations { id } } } }',
    });
    const body = await response.json();
    expect(body.errors).toBeUndefined();
    const topics: Array<{
      id: string;
      actorCount: number;
      actors: Array<{ id: string }>;
      interests: unknown[];
      collaborations: Array<{ id: string }>;
    }> = body.data.topics.nodes;
    const large = topics.find((t) => t.actorCount > ROWS_PER_CALL)!;
    expect(large.actors.length).toBe(large.actorCount);
    // Both lists of the large topic came in several pages, none over the rows.
    for (const read of ['interestsInTopicPage', 'collaborationsOfTopicPage']) {
      const calls = pages.filter((p) => p.read === read);
      expect(calls.length).toBeGreaterThan(1);
      expect(calls.every((p) => p.rows <= ROWS_PER_CALL)).toBe(true);
    }
    // The same lists in the same order as one call reads them.
    const [interests] = await used.store.interestsInTopics([large.id]);
    expect(large.actors.map((a) => a.id)).toEqual(interests!.map((i) => i.actorId));
    expect(large.interests).toEqual(interests!.map((i) => ({ weight: i.weight })));
    const [collaborations] = await used.store.collaborationsOfTopics([large.id]);
    expect(large.collaborations.map((c) => c.id)).toEqual(collaborations);
  });
});

describe('an actor with more collaborations than a call', () => {
  const pages: number[] = [];
  const collaborationLookups: number[] = [];
  const collaborations = ROWS_PER_CALL + 600;
  // A hub in 3,100 collaborations, each with one of ten partners; dates repeat, so ties by id count.
  const partners = Array.from({ length: 10 }, (_, i) => ({
    id: `p${i}`,
    name: `Partner ${i}`,
    kind: 'GROUP' as const,
  }));
  const seed: GraphData = {
    topics: [],
    actors: [{ id: 'hub', name: 'Stadtverwaltung', kind: 'INSTITUTION' }, ...partners],
    collaborations: Array.from({ length: collaborations }, (_, i) => ({
      id: `k${String(i).padStart(5, '0')}`,
      title: `Treffen ${i}`,
      kind: 'MEETING' as const,
      startDate: i % 7 === 0 ? null : `2024-0${1 + (i % 9)}-1${i % 10}`,
      participants: [
        { actorId: 'hub', role: 'ORGANISER' as const },
        { actorId: `p${i % 10}`, role: 'PARTICIPANT' as const },
      ],
    })),
  };
  const used = useSeededApi({ seed }, (store) => {
    afterEachCall(store, 'participationsOfActorPage', (_, page) => pages.push(page.length));
    afterEachCall(store, 'getCollaborations', ([ids]) => collaborationLookups.push(ids.length));
  });

  test('is read in pages with its collaborations, answered newest first as one call reads it', async () => {
    const response = await used.api.post({
      query: '{ actor(id: "hub") { collaborations { role collaboration { id title startDate } } } }',
    });
    const body = await response.json();
    expect(body.errors).toBeUndefined();
    const answered: Array<{ role: string; collaboration: { id: string; title: string; startDate: string | null } }> =
      body.data.actor.collaborations;
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.every((rows) => rows <= ROWS_PER_CALL)).toBe(true);
    // The collaborations came with the pages: none looked up again.
    expect(collaborationLookups).toEqual([]);
    const [direct] = await used.store.participationsOfActors(['hub']);
    expect(answered.map((p) => p.collaboration.id)).toEqual(direct!.map((p) => p.collaborationId));
    expect(answered.length).toBe(collaborations);
    expect(answered[0]).toMatchObject({
      role: 'ORGANISER',
      collaboration: { title: expect.stringMatching(/^Treffen/) },
    });
  });
});
