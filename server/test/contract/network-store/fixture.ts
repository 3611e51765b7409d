/**
 * What the NetworkStore contract suites (network-store/*.suite.ts) share: helpers, the hand-made
 * fixture network and useFreshStore. The contract is the behaviour every store adapter must show,
 * written once against the port (server/src/store/network-store.ts, whose doc comments are the
 * specification) and run against each adapter through a StoreHarness (server/test/support/stores.ts):
 * every `<concern>.suite.ts` here has an embedded `<concern>.test.ts` and a `<concern>.neo4j.test.ts`.
 *
 * Fixtures are small and hand-made, built through the port's own write methods (and mergeGraph in
 * its own tests), so that one store's answers can be checked against values worked out by hand.
 */
import type { Actor, Collaboration, Topic } from '../../../src/domain/model';
import { encodeCursor, type Page, type SortKey } from '../../../src/domain/paging';
import { type GraphSnapshot, type NetworkStore, type StoreCounts } from '../../../src/store/network-store';
import type { StoreHarness } from '../../support/stores';

// ---------------------------------------------------------------------------------------------
// Helpers

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function expectIsoTimestamp(value: unknown): void {
  expect(typeof value).toBe('string');
  expect(value).toMatch(ISO_TIMESTAMP);
  expect(Number.isNaN(Date.parse(value as string))).toBe(false);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const ids = (items: ReadonlyArray<{ id: string }>) => items.map((i) => i.id);

export const ZERO_COUNTS: StoreCounts = { actors: 0, topics: 0, collaborations: 0, participations: 0, interests: 0 };

/** Walks every page of a list with page size `first`; checks the page invariants on the way. */
export async function walkPages<T extends { id: string }>(
  fetch: (after: string | null) => Promise<Page<T>>,
  sortKey: (item: T) => SortKey,
  first: number,
  expectedTotal: number,
): Promise<T[]> {
  const all: T[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 100; guard += 1) {
    const page: Page<T> = await fetch(after);
    expect(page.totalCount).toBe(expectedTotal);
    expect(page.items.length).toBeLessThanOrEqual(first);
    all.push(...page.items);
    if (!page.hasNextPage) {
      return all;
    }
    expect(page.items.length).toBe(first);
    after = encodeCursor(sortKey(page.items[page.items.length - 1]));
  }
  throw new Error('walkPages: more than 100 pages, hasNextPage never became false');
}

export function sortedSnapshot(s: GraphSnapshot): GraphSnapshot {
  const by =
    <T>(key: (t: T) => string) =>
    (a: T, b: T) =>
      key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  return {
    actors: [...s.actors].sort(by((a) => a.id)),
    collaborations: [...s.collaborations].sort(by((c) => c.id)),
    participations: [...s.participations].sort(by((p) => `${p.actorId}\u0000${p.collaborationId}`)),
    interests: [...s.interests].sort(by((i) => `${i.actorId}\u0000${i.topicId}`)),
    about: [...s.about].sort(by((a) => `${a.collaborationId}\u0000${a.topicId}`)),
    topics: [...s.topics].sort(by((t) => t.id)),
  };
}

// ---------------------------------------------------------------------------------------------
// The shared fixture (built through the write methods)
//
// Topics (id: name)          jugend-sport "Jugend & Sport", klima "Klimaschutz" (aliases),
//                            okologie "Ökologie" (unused), urban-gardening "Urban Gardening"
// Actors, in list order      a6 "Anna Straße" PERSON, a4 "Ärzte Kollektiv" INITIATIVE,
// (nameKey, then id):        a5 "arzte Kollektiv" GROUP, a2 "bürgerhaus Nord" ASSOCIATION,
//                            a3 "Café Mitte" BUSINESS, a1 "Zentrum Ost" INSTITUTION
// Interests                  a1: klima 0.5 · a2: urban-gardening (1), jugend-sport 0.8 ·
//                            a3: urban-gardening 0.3 · a6: jugend-sport (1)
// Collaborations, newest first:
//   k1 EVENT      2024-05-01..2024-05-02  topics jugend-sport, urban-gardening  a1 ORGANISER, a2 HOST, a3 PARTICIPANT
//   k0 JURY       2024-03-01..2024-03-01  no topics                             a1 MEMBER, a3 MEMBER
//   k2 MEETING    2024-03-01..(none)      klima                                 a1 ORGANISER, a3 PARTICIPANT
//   k5 CONFERENCE 2023-11-15..2024-02-15  klima, urban-gardening                nobody
//   k4 FUNDING    2023-01-01..2023-12-31  jugend-sport                          a2 FUNDER, a4 PARTICIPANT
//   k3 PROJECT    no dates                urban-gardening                       a3 PARTICIPANT, a4 ORGANISER

export const ACTOR_ORDER = ['a6', 'a4', 'a5', 'a2', 'a3', 'a1'];
export const COLLABORATION_ORDER = ['k1', 'k0', 'k2', 'k5', 'k4', 'k3'];
export const TOPIC_ORDER = ['jugend-sport', 'klima', 'okologie', 'urban-gardening'];
export const FIXTURE_COUNTS: StoreCounts = {
  actors: 6,
  topics: 4,
  collaborations: 6,
  participations: 11,
  interests: 5,
};

export interface Fixture {
  actors: Record<string, Actor>;
  topics: Record<string, Topic>;
  collaborations: Record<string, Collaboration>;
}

export async function buildNetwork(store: NetworkStore): Promise<Fixture> {
  const topics: Record<string, Topic> = {};
  for (const input of [
    { name: 'Urban Gardening' },
    { name: 'Jugend & Sport' },
    { id: 'klima', name: 'Klimaschutz', aliases: ['Klima', 'Umwelt'] },
    { name: 'Ökologie' },
  ]) {
    const t = await store.createTopic(input);
    topics[t.id] = t;
  }

  const actors: Record<string, Actor> = {};
  for (const input of [
    { id: 'a1', name: 'Zentrum Ost', kind: 'INSTITUTION' as const, district: 'Ost' },
    { id: 'a2', name: 'bürgerhaus Nord', kind: 'ASSOCIATION' as const, district: 'Nord' },
    { id: 'a3', name: 'Café Mitte', kind: 'BUSINESS' as const, website: 'https://cafe.example' },
    { id: 'a4', name: 'Ärzte Kollektiv', kind: 'INITIATIVE' as const },
    { id: 'a5', name: 'arzte Kollektiv', kind: 'GROUP' as const },
    { id: 'a6', name: 'Anna Straße', kind: 'PERSON' as const, contact: 'anna@example.org' },
  ]) {
    const a = await store.createActor(input);
    actors[a.id] = a;
  }

  await store.setActorInterests('a1', [{ topicId: 'klima', weight: 0.5 }]);
  await store.setActorInterests('a2', [{ topicId: 'urban-gardening' }, { topicId: 'jugend-sport', weight: 0.8 }]);
  await store.setActorInterests('a3', [{ topicId: 'urban-gardening', weight: 0.3 }]);
  await store.setActorInterests('a6', [{ topicId: 'jugend-sport', weight: null }]);

  const collaborations: Record<string, Collaboration> = {};
  for (const input of [
    {
      id: 'k1',
      title: 'Stadtteilfest',
      kind: 'EVENT' as const,
      startDate: '2024-05-01',
      endDate: '2024-05-02',
      location: 'Marktplatz',
      topicIds: ['urban-gardening', 'jugend-sport'],
      participants: [
        { actorId: 'a1', role: 'ORGANISER' as const },
        { actorId: 'a2', role: 'HOST' as const },
        { actorId: 'a3', role: 'PARTICIPANT' as const },
      ],
    },
    {
      id: 'k2',
      title: 'Klimarunde',
      kind: 'MEETING' as const,
      startDate: '2024-03-01',
      topicIds: ['klima'],
      participants: [
        { actorId: 'a3', role: 'PARTICIPANT' as const },
        { actorId: 'a1', role: 'ORGANISER' as const },
      ],
    },
    {
      id: 'k0',
      title: 'Jury Förderpreis',
      kind: 'JURY' as const,
      startDate: '2024-03-01',
      endDate: '2024-03-01',
      participants: [
        { actorId: 'a1', role: 'MEMBER' as const },
        { actorId: 'a3', role: 'MEMBER' as const },
      ],
    },
    {
      id: 'k3',
      title: 'Gartenprojekt',
      kind: 'PROJECT' as const,
      topicIds: ['urban-gardening'],
      participants: [
        { actorId: 'a4', role: 'ORGANISER' as const },
        { actorId: 'a3', role: 'PARTICIPANT' as const },
      ],
    },
    {
      id: 'k4',
      title: 'Förderung 2023',
      kind: 'FUNDING' as const,
      startDate: '2023-01-01',
      endDate: '2023-12-31',
      topicIds: ['jugend-sport'],
      participants: [
        { actorId: 'a2', role: 'FUNDER' as const },
        { actorId: 'a4', role: 'PARTICIPANT' as const },
      ],
    },
    {
      id: 'k5',
      title: 'Konferenz Zukunft',
      kind: 'CONFERENCE' as const,
      startDate: '2023-11-15',
      endDate: '2024-02-15',
      topicIds: ['urban-gardening', 'klima'],
    },
  ]) {
    const c = await store.createCollaboration(input);
    collaborations[c.id] = c;
  }
  return { actors, topics, collaborations };
}

/** Registers the hooks of a contract suite: the harness set up once, a fresh empty store per test. */
export function useFreshStore(harness: StoreHarness, use: (store: NetworkStore) => void): void {
  beforeAll(async () => {
    await harness.setup();
  });
  afterAll(async () => {
    await harness.teardown();
  });
  beforeEach(async () => {
    use(await harness.fresh());
  });
}
