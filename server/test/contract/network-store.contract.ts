/**
 * The NetworkStore contract: the behaviour every store adapter must show, written once against the
 * port (server/src/store/network-store.ts, whose doc comments are the specification) and run against
 * each adapter through a StoreHarness (server/test/support/stores.ts).
 *
 * Not a test file itself: `describeNetworkStoreContract(label, harness)` declares the describe blocks.
 * Fixtures are small and hand-made, built through the port's own write methods (and mergeGraph in
 * its own tests), so that one store's answers can be checked against values worked out by hand.
 */
import type { Actor, Collaboration, Topic } from '../../src/domain/model';
import { actorSortKey, collaborationSortKey, topicSortKey } from '../../src/domain/ordering';
import { encodeCursor, type Page, type SortKey } from '../../src/domain/paging';
import { slugify } from '../../src/domain/text';
import type { GraphData, GraphSnapshot, NetworkStore, StoreCounts } from '../../src/store/network-store';
import type { StoreHarness } from '../support/stores';

// ---------------------------------------------------------------------------------------------
// Helpers

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function expectIsoTimestamp(value: unknown): void {
  expect(typeof value).toBe('string');
  expect(value).toMatch(ISO_TIMESTAMP);
  expect(Number.isNaN(Date.parse(value as string))).toBe(false);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const ids = (items: ReadonlyArray<{ id: string }>) => items.map((i) => i.id);

const ZERO_COUNTS: StoreCounts = { actors: 0, topics: 0, collaborations: 0, participations: 0, interests: 0 };

/** Walks every page of a list with page size `first`; checks the page invariants on the way. */
async function walkPages<T extends { id: string }>(
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

function sortedSnapshot(s: GraphSnapshot): GraphSnapshot {
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

const ACTOR_ORDER = ['a6', 'a4', 'a5', 'a2', 'a3', 'a1'];
const COLLABORATION_ORDER = ['k1', 'k0', 'k2', 'k5', 'k4', 'k3'];
const TOPIC_ORDER = ['jugend-sport', 'klima', 'okologie', 'urban-gardening'];
const FIXTURE_COUNTS: StoreCounts = { actors: 6, topics: 4, collaborations: 6, participations: 11, interests: 5 };

interface Fixture {
  actors: Record<string, Actor>;
  topics: Record<string, Topic>;
  collaborations: Record<string, Collaboration>;
}

async function buildNetwork(store: NetworkStore): Promise<Fixture> {
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

// ---------------------------------------------------------------------------------------------

export function describeNetworkStoreContract(label: string, harness: StoreHarness): void {
  describe(`NetworkStore contract (${label})`, () => {
    let store: NetworkStore;

    beforeAll(async () => {
      await harness.setup();
    });
    afterAll(async () => {
      await harness.teardown();
    });
    beforeEach(async () => {
      store = await harness.fresh();
    });

    // -------------------------------------------------------------------------------------------
    describe('lifecycle and counts', () => {
      test('init() is idempotent and ping() resolves', async () => {
        await expect(store.init()).resolves.toBeUndefined();
        await expect(store.init()).resolves.toBeUndefined();
        await expect(store.ping()).resolves.toBeUndefined();
        expect(typeof store.name).toBe('string');
        expect(store.name.length).toBeGreaterThan(0);
      });

      test('counts() is all zeros on an empty store', async () => {
        expect(await store.counts()).toEqual(ZERO_COUNTS);
      });

      test('counts() counts nodes and relationships after writes', async () => {
        await buildNetwork(store);
        expect(await store.counts()).toEqual(FIXTURE_COUNTS);
      });

      test('init() on a store holding data keeps the data', async () => {
        await buildNetwork(store);
        await store.init();
        expect(await store.counts()).toEqual(FIXTURE_COUNTS);
      });
    });

    // -------------------------------------------------------------------------------------------
    describe('actors', () => {
      test('createActor: every field round-trips, timestamps are ISO, version is 1', async () => {
        const created = await store.createActor({
          id: 'act-1',
          name: 'Quartiersmanagement Süd',
          kind: 'AGENCY',
          description: 'Koordiniert das Quartier',
          district: 'Süd',
          website: 'https://qm-sued.example',
          contact: 'info@qm-sued.example, 030 123',
        });
        expect(created).toEqual({
          id: 'act-1',
          name: 'Quartiersmanagement Süd',
          kind: 'AGENCY',
          description: 'Koordiniert das Quartier',
          district: 'Süd',
          website: 'https://qm-sued.example',
          contact: 'info@qm-sued.example, 030 123',
          createdAt: expect.any(String),
          updatedAt: expect.any(String),
          version: 1,
        });
        expectIsoTimestamp(created.createdAt);
        expectIsoTimestamp(created.updatedAt);
        expect(await store.getActors(['act-1'])).toEqual([created]);
      });

      test('createActor: absent optional fields read back as null', async () => {
        const created = await store.createActor({ id: 'act-2', name: 'Nur Name', kind: 'PERSON' });
        const [read] = await store.getActors(['act-2']);
        for (const a of [created, read]) {
          expect(a).toMatchObject({
            id: 'act-2',
            name: 'Nur Name',
            kind: 'PERSON',
            description: null,
            district: null,
            website: null,
            contact: null,
            version: 1,
          });
        }
        expect(read).toEqual(created);
      });

      test('createActor: explicit null optional fields read back as null', async () => {
        await store.createActor({
          id: 'act-3',
          name: 'Mit Nullen',
          kind: 'GROUP',
          description: null,
          district: null,
          website: null,
          contact: null,
        });
        const [read] = await store.getActors(['act-3']);
        expect(read).toMatchObject({ description: null, district: null, website: null, contact: null });
      });

      test('createActor: generates a distinct non-empty id when none is given', async () => {
        const a = await store.createActor({ name: 'Ohne Id', kind: 'INITIATIVE' });
        const b = await store.createActor({ id: null, name: 'Auch ohne Id', kind: 'INITIATIVE' });
        for (const x of [a, b]) {
          expect(typeof x.id).toBe('string');
          expect(x.id.length).toBeGreaterThan(0);
        }
        expect(a.id).not.toBe(b.id);
        expect(ids((await store.getActors([a.id, b.id])) as Actor[])).toEqual([a.id, b.id]);
      });

      test('createActor: an existing id is a CONFLICT and the existing actor is unchanged', async () => {
        const original = await store.createActor({ id: 'dup', name: 'Erster', kind: 'PERSON' });
        await expect(store.createActor({ id: 'dup', name: 'Zweiter', kind: 'BUSINESS' })).rejects.toMatchObject({
          code: 'CONFLICT',
        });
        expect(await store.getActors(['dup'])).toEqual([original]);
        expect((await store.counts()).actors).toBe(1);
      });

      test('getActors: answers in key order, repeats keys, null for missing, [] for []', async () => {
        const { actors } = await buildNetwork(store);
        expect(await store.getActors(['a3', 'missing', 'a1', 'a3'])).toEqual([actors.a3, null, actors.a1, actors.a3]);
        expect(await store.getActors([])).toEqual([]);
        expect(await store.getActors(['nope'])).toEqual([null]);
      });

      test('updateActor: only given fields change, null clears, version and updatedAt move', async () => {
        const created = await store.createActor({
          id: 'u1',
          name: 'Alter Name',
          kind: 'ASSOCIATION',
          description: 'Beschreibung',
          district: 'Nord',
          website: 'https://alt.example',
          contact: 'alt@example.org',
        });
        await sleep(15);
        const updated = await store.updateActor('u1', { district: 'Süd', website: null });
        expect(updated).toEqual({
          ...created,
          district: 'Süd',
          website: null,
          version: 2,
          updatedAt: expect.any(String),
        });
        expectIsoTimestamp(updated.updatedAt);
        expect(Date.parse(updated.updatedAt)).toBeGreaterThan(Date.parse(created.updatedAt));
        expect(Date.parse(updated.createdAt)).toBe(Date.parse(created.createdAt));
        expect(await store.getActors(['u1'])).toEqual([updated]);

        const renamed = await store.updateActor('u1', { name: 'Neuer Name', kind: 'INITIATIVE' }, 2);
        expect(renamed).toMatchObject({
          name: 'Neuer Name',
          kind: 'INITIATIVE',
          description: 'Beschreibung',
          district: 'Süd',
          website: null,
          contact: 'alt@example.org',
          version: 3,
        });
      });

      test('updateActor: an empty patch still bumps the version', async () => {
        await store.createActor({ id: 'u0', name: 'Leer', kind: 'PERSON' });
        const updated = await store.updateActor('u0', {});
        expect(updated).toMatchObject({ id: 'u0', name: 'Leer', kind: 'PERSON', version: 2 });
      });

      test('updateActor: a new name is what lists sort by and search', async () => {
        await buildNetwork(store);
        await store.updateActor('a1', { name: 'Aaron Zentrum' });
        const page = await store.listActors({}, { first: 10 });
        expect(ids(page.items)).toEqual(['a1', 'a6', 'a4', 'a5', 'a2', 'a3']);
        expect(ids((await store.listActors({ nameContains: 'aaron' }, { first: 10 })).items)).toEqual(['a1']);
        expect((await store.listActors({ nameContains: 'zentrum ost' }, { first: 10 })).items).toEqual([]);
      });

      test('updateActor: unknown id is NOT_FOUND', async () => {
        await expect(store.updateActor('ghost', { name: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
        await expect(store.updateActor('ghost', { name: 'x' }, 1)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      });

      test('updateActor: a stale expectedVersion is a CONFLICT and nothing changes', async () => {
        await store.createActor({ id: 'v1', name: 'Versioniert', kind: 'GROUP' });
        const second = await store.updateActor('v1', { district: 'West' }, 1);
        expect(second.version).toBe(2);
        await expect(store.updateActor('v1', { district: 'Ost', name: 'Überschrieben' }, 1)).rejects.toMatchObject({
          code: 'CONFLICT',
        });
        await expect(store.updateActor('v1', { district: 'Ost' }, 3)).rejects.toMatchObject({ code: 'CONFLICT' });
        expect(await store.getActors(['v1'])).toEqual([second]);
      });

      test('deleteActor: removes its interests and participations, keeps other actors and collaborations', async () => {
        await buildNetwork(store);
        await expect(store.deleteActor('a3')).resolves.toBeUndefined();
        expect(await store.getActors(['a3', 'a1'])).toEqual([null, expect.objectContaining({ id: 'a1' })]);
        expect(await store.counts()).toEqual({
          actors: 5,
          topics: 4,
          collaborations: 6,
          participations: 11 - 4,
          interests: 5 - 1,
        });
        expect(await store.interestsOfActors(['a3'])).toEqual([[]]);
        expect(await store.participationsOfActors(['a3'])).toEqual([[]]);
        const [k1, k0] = await store.participationsOfCollaborations(['k1', 'k0']);
        expect(k1.map((p) => p.actorId)).toEqual(['a2', 'a1']);
        expect(k0.map((p) => p.actorId)).toEqual(['a1']);
        expect(await store.interestsInTopics(['urban-gardening'])).toEqual([
          [{ actorId: 'a2', topicId: 'urban-gardening', weight: 1 }],
        ]);
        expect(await store.collaboratorsOfActors(['a1'])).toEqual([
          [{ actorId: 'a1', partnerId: 'a2', collaborationIds: ['k1'] }],
        ]);
        expect(ids((await store.getCollaborations(COLLABORATION_ORDER)) as Collaboration[])).toEqual(
          COLLABORATION_ORDER,
        );
      });

      test('deleteActor: unknown id is NOT_FOUND', async () => {
        await buildNetwork(store);
        await expect(store.deleteActor('ghost')).rejects.toMatchObject({ code: 'NOT_FOUND' });
        expect(await store.counts()).toEqual(FIXTURE_COUNTS);
      });
    });

    // -------------------------------------------------------------------------------------------
    describe('topics', () => {
      test('createTopic: id defaults to the slug of the name; fields round-trip', async () => {
        const t = await store.createTopic({ name: 'Grünflächen & Bäume' });
        expect(slugify('Grünflächen & Bäume')).toBe('grunflachen-baume');
        expect(t).toEqual({
          id: 'grunflachen-baume',
          name: 'Grünflächen & Bäume',
          slug: 'grunflachen-baume',
          aliases: [],
        });
        expect(await store.getTopics(['grunflachen-baume'])).toEqual([t]);
      });

      test('createTopic: explicit id and aliases; slug still follows the name', async () => {
        const t = await store.createTopic({ id: 'T-42', name: 'Jugend & Sport', aliases: ['Jugendarbeit', 'Sport'] });
        expect(t).toEqual({
          id: 'T-42',
          name: 'Jugend & Sport',
          slug: 'jugend-sport',
          aliases: ['Jugendarbeit', 'Sport'],
        });
        expect(await store.getTopics(['T-42'])).toEqual([t]);
      });

      test('createTopic: a duplicate id (explicit or by slug) is a CONFLICT', async () => {
        const first = await store.createTopic({ name: 'Jugend & Sport' });
        await expect(store.createTopic({ name: 'Jugend  und Sport', id: 'jugend-sport' })).rejects.toMatchObject({
          code: 'CONFLICT',
        });
        await expect(store.createTopic({ name: 'JUGEND – Sport!' })).rejects.toMatchObject({ code: 'CONFLICT' });
        expect(await store.getTopics(['jugend-sport'])).toEqual([first]);
        expect((await store.counts()).topics).toBe(1);
      });

      test('getTopics: answers in key order, repeats keys, null for missing, [] for []', async () => {
        const { topics } = await buildNetwork(store);
        expect(await store.getTopics(['klima', 'nope', 'jugend-sport', 'klima'])).toEqual([
          topics.klima,
          null,
          topics['jugend-sport'],
          topics.klima,
        ]);
        expect(await store.getTopics([])).toEqual([]);
      });

      test('updateTopic: a new name changes the slug, the id stays; aliases replace; absent fields stay', async () => {
        await store.createTopic({ name: 'Urban Gardening', aliases: ['Gärtnern'] });
        const renamed = await store.updateTopic('urban-gardening', { name: 'Gemeinschafts Gärten' });
        expect(renamed).toEqual({
          id: 'urban-gardening',
          name: 'Gemeinschafts Gärten',
          slug: 'gemeinschafts-garten',
          aliases: ['Gärtnern'],
        });
        const realiased = await store.updateTopic('urban-gardening', { aliases: ['Garten', 'Beete'] });
        expect(realiased).toEqual({ ...renamed, aliases: ['Garten', 'Beete'] });
        expect(await store.getTopics(['urban-gardening', 'gemeinschafts-garten'])).toEqual([realiased, null]);
        expect(ids((await store.listTopics({ nameContains: 'garten' }, { first: 10 })).items)).toEqual([
          'urban-gardening',
        ]);
        expect((await store.listTopics({ nameContains: 'urban' }, { first: 10 })).items).toEqual([]);
      });

      test('updateTopic: unknown id is NOT_FOUND', async () => {
        await expect(store.updateTopic('ghost', { name: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      });

      test('deleteTopic: removes the topic with its INTERESTED_IN and ABOUT relations, nothing else', async () => {
        await buildNetwork(store);
        await expect(store.deleteTopic('urban-gardening')).resolves.toBeUndefined();
        expect(await store.getTopics(['urban-gardening'])).toEqual([null]);
        expect(await store.counts()).toEqual({
          actors: 6,
          topics: 3,
          collaborations: 6,
          participations: 11,
          interests: 5 - 2,
        });
        const [a2, a3] = await store.interestsOfActors(['a2', 'a3']);
        expect(a2.map((i) => i.topicId)).toEqual(['jugend-sport']);
        expect(a3).toEqual([]);
        expect(await store.topicsOfCollaborations(['k1', 'k3', 'k5'])).toEqual([['jugend-sport'], [], ['klima']]);
        expect(await store.collaborationsOfTopics(['urban-gardening'])).toEqual([[]]);
        const snapshot = await store.loadSnapshot();
        expect(snapshot.about.filter((a) => a.topicId === 'urban-gardening')).toEqual([]);
        expect(snapshot.interests.filter((i) => i.topicId === 'urban-gardening')).toEqual([]);
      });

      test('deleteTopic: unknown id is NOT_FOUND', async () => {
        await expect(store.deleteTopic('ghost')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      });
    });

    // -------------------------------------------------------------------------------------------
    describe('collaborations', () => {
      test('createCollaboration: fields, topics and participants in one go', async () => {
        await store.createTopic({ name: 'Urban Gardening' });
        await store.createTopic({ name: 'Klimaschutz' });
        await store.createActor({ id: 'p1', name: 'Beta', kind: 'INITIATIVE' });
        await store.createActor({ id: 'p2', name: 'Alpha', kind: 'FUNDER' });
        const c = await store.createCollaboration({
          id: 'c-1',
          title: 'Pflanzaktion im Park',
          kind: 'EVENT',
          startDate: '2024-04-20',
          endDate: '2024-04-21',
          location: 'Stadtpark',
          description: 'Beete anlegen',
          topicIds: ['urban-gardening', 'klimaschutz'],
          participants: [
            { actorId: 'p1', role: 'ORGANISER' },
            { actorId: 'p2', role: 'FUNDER' },
          ],
        });
        expect(c).toEqual({
          id: 'c-1',
          title: 'Pflanzaktion im Park',
          kind: 'EVENT',
          startDate: '2024-04-20',
          endDate: '2024-04-21',
          location: 'Stadtpark',
          description: 'Beete anlegen',
          createdAt: expect.any(String),
          updatedAt: expect.any(String),
          version: 1,
        });
        expectIsoTimestamp(c.createdAt);
        expectIsoTimestamp(c.updatedAt);
        expect(await store.getCollaborations(['c-1'])).toEqual([c]);
        expect(await store.topicsOfCollaborations(['c-1'])).toEqual([['klimaschutz', 'urban-gardening']]);
        expect(await store.participationsOfCollaborations(['c-1'])).toEqual([
          [
            { actorId: 'p2', collaborationId: 'c-1', role: 'FUNDER' },
            { actorId: 'p1', collaborationId: 'c-1', role: 'ORGANISER' },
          ],
        ]);
        expect(await store.counts()).toEqual({
          actors: 2,
          topics: 2,
          collaborations: 1,
          participations: 2,
          interests: 0,
        });
      });

      test('createCollaboration: minimal input, generated id, nulls, no relations', async () => {
        const c = await store.createCollaboration({ title: 'Treffen', kind: 'MEETING' });
        expect(typeof c.id).toBe('string');
        expect(c.id.length).toBeGreaterThan(0);
        expect(c).toMatchObject({
          title: 'Treffen',
          kind: 'MEETING',
          startDate: null,
          endDate: null,
          location: null,
          description: null,
        });
        expect(await store.getCollaborations([c.id])).toEqual([c]);
        expect(await store.topicsOfCollaborations([c.id])).toEqual([[]]);
        expect(await store.participationsOfCollaborations([c.id])).toEqual([[]]);
        const other = await store.createCollaboration({
          title: 'Treffen',
          kind: 'MEETING',
          id: null,
          topicIds: null,
          participants: null,
        });
        expect(other.id).not.toBe(c.id);
      });

      test('createCollaboration: an existing id is a CONFLICT', async () => {
        const first = await store.createCollaboration({ id: 'same', title: 'Eins', kind: 'MEETING' });
        await expect(store.createCollaboration({ id: 'same', title: 'Zwei', kind: 'EVENT' })).rejects.toMatchObject({
          code: 'CONFLICT',
        });
        expect(await store.getCollaborations(['same'])).toEqual([first]);
      });

      test('createCollaboration: an unknown topic is NOT_FOUND (field topicIds) and nothing is written', async () => {
        await buildNetwork(store);
        await expect(
          store.createCollaboration({
            id: 'bad-topic',
            title: 'Fehler',
            kind: 'PROJECT',
            topicIds: ['klima', 'no-such-topic'],
            participants: [{ actorId: 'a1', role: 'ORGANISER' }],
          }),
        ).rejects.toMatchObject({ code: 'NOT_FOUND', field: expect.stringMatching(/^topicIds/) });
        expect(await store.counts()).toEqual(FIXTURE_COUNTS);
        expect(await store.getCollaborations(['bad-topic'])).toEqual([null]);
        expect(await store.participationsOfActors(['a1'])).toEqual([
          expect.not.arrayContaining([expect.objectContaining({ collaborationId: 'bad-topic' })]),
        ]);
      });

      test('createCollaboration: an unknown actor is NOT_FOUND (field participants) and nothing is written', async () => {
        await buildNetwork(store);
        await expect(
          store.createCollaboration({
            id: 'bad-actor',
            title: 'Fehler',
            kind: 'PROJECT',
            topicIds: ['klima'],
            participants: [
              { actorId: 'a1', role: 'ORGANISER' },
              { actorId: 'ghost', role: 'PARTICIPANT' },
            ],
          }),
        ).rejects.toMatchObject({ code: 'NOT_FOUND', field: expect.stringMatching(/^participants/) });
        expect(await store.counts()).toEqual(FIXTURE_COUNTS);
        expect(await store.getCollaborations(['bad-actor'])).toEqual([null]);
        expect(await store.collaborationsOfTopics(['klima'])).toEqual([['k2', 'k5']]);
      });

      test('createCollaboration: an actor listed twice is BAD_USER_INPUT and nothing is written', async () => {
        await buildNetwork(store);
        await expect(
          store.createCollaboration({
            id: 'twice',
            title: 'Doppelt',
            kind: 'MEETING',
            participants: [
              { actorId: 'a1', role: 'ORGANISER' },
              { actorId: 'a2', role: 'HOST' },
              { actorId: 'a1', role: 'PARTICIPANT' },
            ],
          }),
        ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
        expect(await store.counts()).toEqual(FIXTURE_COUNTS);
        expect(await store.getCollaborations(['twice'])).toEqual([null]);
      });

      test('getCollaborations: answers in key order, repeats keys, null for missing, [] for []', async () => {
        const { collaborations } = await buildNetwork(store);
        expect(await store.getCollaborations(['k3', 'zz', 'k1', 'k3'])).toEqual([
          collaborations.k3,
          null,
          collaborations.k1,
          collaborations.k3,
        ]);
        expect(await store.getCollaborations([])).toEqual([]);
      });

      test('updateCollaboration: patch semantics (absent stays, null clears), topicIds replace', async () => {
        const { collaborations } = await buildNetwork(store);
        const before = collaborations.k1;
        await sleep(15);
        const updated = await store.updateCollaboration('k1', { location: null, description: 'Mit Musik' });
        expect(updated).toEqual({
          ...before,
          location: null,
          description: 'Mit Musik',
          updatedAt: expect.any(String),
          version: before.version + 1,
        });
        expectIsoTimestamp(updated.updatedAt);
        expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(before.updatedAt));
        expect(await store.getCollaborations(['k1'])).toEqual([updated]);
        // topics untouched when topicIds is absent
        expect(await store.topicsOfCollaborations(['k1'])).toEqual([['jugend-sport', 'urban-gardening']]);

        await store.updateCollaboration('k1', { topicIds: ['klima'] });
        expect(await store.topicsOfCollaborations(['k1'])).toEqual([['klima']]);
        expect(await store.collaborationsOfTopics(['klima', 'urban-gardening'])).toEqual([
          ['k1', 'k2', 'k5'],
          ['k5', 'k3'],
        ]);
        await store.updateCollaboration('k1', { topicIds: [] });
        expect(await store.topicsOfCollaborations(['k1'])).toEqual([[]]);
        // participants are not touched by updates
        expect((await store.participationsOfCollaborations(['k1']))[0]).toHaveLength(3);
      });

      test('updateCollaboration: a new startDate moves it in the collaboration order', async () => {
        await buildNetwork(store);
        await store.updateCollaboration('k3', { startDate: '2025-01-01', title: 'Gartenprojekt 2025' });
        const page = await store.listCollaborations({}, { first: 10 });
        expect(ids(page.items)).toEqual(['k3', 'k1', 'k0', 'k2', 'k5', 'k4']);
        expect(page.items[0]).toMatchObject({ title: 'Gartenprojekt 2025', startDate: '2025-01-01', endDate: null });
      });

      test('updateCollaboration: unknown id or unknown topic is NOT_FOUND and nothing changes', async () => {
        const { collaborations } = await buildNetwork(store);
        await expect(store.updateCollaboration('ghost', { title: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
        await expect(
          store.updateCollaboration('k1', { title: 'Neu', topicIds: ['klima', 'no-such-topic'] }),
        ).rejects.toMatchObject({ code: 'NOT_FOUND', field: expect.stringMatching(/^topicIds/) });
        expect(await store.getCollaborations(['k1'])).toEqual([collaborations.k1]);
        expect(await store.topicsOfCollaborations(['k1'])).toEqual([['jugend-sport', 'urban-gardening']]);
      });

      test('deleteCollaboration: removes participations and ABOUT, keeps actors and topics', async () => {
        await buildNetwork(store);
        await expect(store.deleteCollaboration('k1')).resolves.toBeUndefined();
        expect(await store.getCollaborations(['k1'])).toEqual([null]);
        expect(await store.counts()).toEqual({
          actors: 6,
          topics: 4,
          collaborations: 5,
          participations: 8,
          interests: 5,
        });
        expect(await store.collaborationsOfTopics(['urban-gardening', 'jugend-sport'])).toEqual([['k5', 'k3'], ['k4']]);
        expect((await store.participationsOfActors(['a1']))[0].map((p) => p.collaborationId)).toEqual(['k0', 'k2']);
        expect(await store.participationsOfCollaborations(['k1'])).toEqual([[]]);
        expect(await store.topicsOfCollaborations(['k1'])).toEqual([[]]);
      });

      test('deleteCollaboration: unknown id is NOT_FOUND', async () => {
        await expect(store.deleteCollaboration('ghost')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      });

      test('addParticipant: adds, or changes the role of an existing participant', async () => {
        await buildNetwork(store);
        const added = await store.addParticipant('k5', 'a6', 'PARTICIPANT');
        expect(added).toEqual({ actorId: 'a6', collaborationId: 'k5', role: 'PARTICIPANT' });
        expect((await store.counts()).participations).toBe(12);
        const changed = await store.addParticipant('k1', 'a3', 'HOST');
        expect(changed).toEqual({ actorId: 'a3', collaborationId: 'k1', role: 'HOST' });
        expect((await store.counts()).participations).toBe(12);
        expect(await store.participationsOfCollaborations(['k1', 'k5'])).toEqual([
          [
            { actorId: 'a2', collaborationId: 'k1', role: 'HOST' },
            { actorId: 'a3', collaborationId: 'k1', role: 'HOST' },
            { actorId: 'a1', collaborationId: 'k1', role: 'ORGANISER' },
          ],
          [{ actorId: 'a6', collaborationId: 'k5', role: 'PARTICIPANT' }],
        ]);
      });

      test('addParticipant: unknown actor or collaboration is NOT_FOUND and nothing changes', async () => {
        await buildNetwork(store);
        await expect(store.addParticipant('k1', 'ghost', 'HOST')).rejects.toMatchObject({ code: 'NOT_FOUND' });
        await expect(store.addParticipant('ghost', 'a1', 'HOST')).rejects.toMatchObject({ code: 'NOT_FOUND' });
        expect(await store.counts()).toEqual(FIXTURE_COUNTS);
      });

      test('removeParticipant: true when removed, false when the actor did not take part', async () => {
        await buildNetwork(store);
        await expect(store.removeParticipant('k1', 'a2')).resolves.toBe(true);
        expect((await store.participationsOfCollaborations(['k1']))[0].map((p) => p.actorId)).toEqual(['a3', 'a1']);
        expect((await store.counts()).participations).toBe(10);
        await expect(store.removeParticipant('k1', 'a2')).resolves.toBe(false);
        await expect(store.removeParticipant('k5', 'a1')).resolves.toBe(false);
        expect(await store.counts()).toEqual({ ...FIXTURE_COUNTS, participations: 10 });
        expect(await store.getActors(['a2'])).toEqual([expect.objectContaining({ id: 'a2' })]);
      });
    });

    // -------------------------------------------------------------------------------------------
    describe('interests', () => {
      test('setActorInterests: replaces, weight defaults to 1, answers in interestsOfActors order', async () => {
        await buildNetwork(store);
        const answered = await store.setActorInterests('a2', [
          { topicId: 'urban-gardening', weight: 0.25 },
          { topicId: 'klima' },
          { topicId: 'okologie', weight: null },
        ]);
        const expected = [
          { actorId: 'a2', topicId: 'klima', weight: 1 },
          { actorId: 'a2', topicId: 'okologie', weight: 1 },
          { actorId: 'a2', topicId: 'urban-gardening', weight: 0.25 },
        ];
        expect(answered).toEqual(expected);
        expect(await store.interestsOfActors(['a2'])).toEqual([expected]);
        expect((await store.counts()).interests).toBe(5 - 2 + 3);
        expect(await store.setActorInterests('a2', [])).toEqual([]);
        expect(await store.interestsOfActors(['a2'])).toEqual([[]]);
        expect((await store.counts()).interests).toBe(3);
      });

      test('setActorInterests: an unknown topic is NOT_FOUND and nothing changes', async () => {
        await buildNetwork(store);
        await expect(
          store.setActorInterests('a2', [{ topicId: 'klima' }, { topicId: 'no-such-topic', weight: 0.5 }]),
        ).rejects.toMatchObject({ code: 'NOT_FOUND' });
        expect(await store.interestsOfActors(['a2'])).toEqual([
          [
            { actorId: 'a2', topicId: 'jugend-sport', weight: 0.8 },
            { actorId: 'a2', topicId: 'urban-gardening', weight: 1 },
          ],
        ]);
        expect(await store.counts()).toEqual(FIXTURE_COUNTS);
      });

      test('setActorInterests: an unknown actor is NOT_FOUND', async () => {
        await buildNetwork(store);
        await expect(store.setActorInterests('ghost', [{ topicId: 'klima' }])).rejects.toMatchObject({
          code: 'NOT_FOUND',
        });
        expect(await store.counts()).toEqual(FIXTURE_COUNTS);
      });
    });

    // -------------------------------------------------------------------------------------------
    describe('relation reads', () => {
      beforeEach(async () => {
        await buildNetwork(store);
      });

      test('interestsOfActors: by topic nameKey then id, per key in key order', async () => {
        expect(await store.interestsOfActors(['a2', 'ghost', 'a1', 'a5', 'a2'])).toEqual([
          [
            { actorId: 'a2', topicId: 'jugend-sport', weight: 0.8 },
            { actorId: 'a2', topicId: 'urban-gardening', weight: 1 },
          ],
          [],
          [{ actorId: 'a1', topicId: 'klima', weight: 0.5 }],
          [],
          [
            { actorId: 'a2', topicId: 'jugend-sport', weight: 0.8 },
            { actorId: 'a2', topicId: 'urban-gardening', weight: 1 },
          ],
        ]);
        expect(await store.interestsOfActors([])).toEqual([]);
      });

      test('interestsInTopics: by actor nameKey then id', async () => {
        expect(await store.interestsInTopics(['urban-gardening', 'okologie', 'jugend-sport', 'ghost'])).toEqual([
          [
            { actorId: 'a2', topicId: 'urban-gardening', weight: 1 },
            { actorId: 'a3', topicId: 'urban-gardening', weight: 0.3 },
          ],
          [],
          [
            { actorId: 'a6', topicId: 'jugend-sport', weight: 1 },
            { actorId: 'a2', topicId: 'jugend-sport', weight: 0.8 },
          ],
          [],
        ]);
        expect(await store.interestsInTopics([])).toEqual([]);
      });

      test('participationsOfActors: newest collaboration first (no date last, ties by id)', async () => {
        const [a3, ghost, a4, a6] = await store.participationsOfActors(['a3', 'ghost', 'a4', 'a6']);
        expect(a3).toEqual([
          { actorId: 'a3', collaborationId: 'k1', role: 'PARTICIPANT' },
          { actorId: 'a3', collaborationId: 'k0', role: 'MEMBER' },
          { actorId: 'a3', collaborationId: 'k2', role: 'PARTICIPANT' },
          { actorId: 'a3', collaborationId: 'k3', role: 'PARTICIPANT' },
        ]);
        expect(ghost).toEqual([]);
        expect(a4).toEqual([
          { actorId: 'a4', collaborationId: 'k4', role: 'PARTICIPANT' },
          { actorId: 'a4', collaborationId: 'k3', role: 'ORGANISER' },
        ]);
        expect(a6).toEqual([]);
        expect(await store.participationsOfActors([])).toEqual([]);
      });

      test('participationsOfCollaborations: by actor nameKey then id', async () => {
        expect(await store.participationsOfCollaborations(['k1', 'k5', 'ghost', 'k3', 'k1'])).toEqual([
          [
            { actorId: 'a2', collaborationId: 'k1', role: 'HOST' },
            { actorId: 'a3', collaborationId: 'k1', role: 'PARTICIPANT' },
            { actorId: 'a1', collaborationId: 'k1', role: 'ORGANISER' },
          ],
          [],
          [],
          [
            { actorId: 'a4', collaborationId: 'k3', role: 'ORGANISER' },
            { actorId: 'a3', collaborationId: 'k3', role: 'PARTICIPANT' },
          ],
          [
            { actorId: 'a2', collaborationId: 'k1', role: 'HOST' },
            { actorId: 'a3', collaborationId: 'k1', role: 'PARTICIPANT' },
            { actorId: 'a1', collaborationId: 'k1', role: 'ORGANISER' },
          ],
        ]);
      });

      test('topicsOfCollaborations: topic ids by topic nameKey then id', async () => {
        expect(await store.topicsOfCollaborations(['k5', 'k0', 'ghost', 'k1'])).toEqual([
          ['klima', 'urban-gardening'],
          [],
          [],
          ['jugend-sport', 'urban-gardening'],
        ]);
        expect(await store.topicsOfCollaborations([])).toEqual([]);
      });

      test('collaborationsOfTopics: collaboration ids in collaboration order', async () => {
        expect(
          await store.collaborationsOfTopics(['urban-gardening', 'okologie', 'klima', 'ghost', 'jugend-sport']),
        ).toEqual([['k1', 'k5', 'k3'], [], ['k2', 'k5'], [], ['k1', 'k4']]);
        expect(await store.collaborationsOfTopics([])).toEqual([]);
      });

      test('topicStats: actor and collaboration counts; zeros for unused and unknown topics', async () => {
        expect(await store.topicStats(['urban-gardening', 'okologie', 'ghost', 'klima', 'jugend-sport'])).toEqual([
          { topicId: 'urban-gardening', actorCount: 2, collaborationCount: 3 },
          { topicId: 'okologie', actorCount: 0, collaborationCount: 0 },
          { topicId: 'ghost', actorCount: 0, collaborationCount: 0 },
          { topicId: 'klima', actorCount: 1, collaborationCount: 2 },
          { topicId: 'jugend-sport', actorCount: 2, collaborationCount: 2 },
        ]);
        expect(await store.topicStats([])).toEqual([]);
      });

      test('collaboratorsOfActors: partners by shared count desc then id; shared ids in collaboration order', async () => {
        const [a1, a2, a3, a4, a5, ghost, a1again] = await store.collaboratorsOfActors([
          'a1',
          'a2',
          'a3',
          'a4',
          'a5',
          'ghost',
          'a1',
        ]);
        expect(a1).toEqual([
          { actorId: 'a1', partnerId: 'a3', collaborationIds: ['k1', 'k0', 'k2'] },
          { actorId: 'a1', partnerId: 'a2', collaborationIds: ['k1'] },
        ]);
        expect(a2).toEqual([
          { actorId: 'a2', partnerId: 'a1', collaborationIds: ['k1'] },
          { actorId: 'a2', partnerId: 'a3', collaborationIds: ['k1'] },
          { actorId: 'a2', partnerId: 'a4', collaborationIds: ['k4'] },
        ]);
        expect(a3).toEqual([
          { actorId: 'a3', partnerId: 'a1', collaborationIds: ['k1', 'k0', 'k2'] },
          { actorId: 'a3', partnerId: 'a2', collaborationIds: ['k1'] },
          { actorId: 'a3', partnerId: 'a4', collaborationIds: ['k3'] },
        ]);
        expect(a4).toEqual([
          { actorId: 'a4', partnerId: 'a2', collaborationIds: ['k4'] },
          { actorId: 'a4', partnerId: 'a3', collaborationIds: ['k3'] },
        ]);
        expect(a5).toEqual([]);
        expect(ghost).toEqual([]);
        expect(a1again).toEqual(a1);
        expect(await store.collaboratorsOfActors([])).toEqual([]);
      });

      test('collaboratorsOfActors: an actor alone in a collaboration has no collaborators', async () => {
        await store.createCollaboration({
          id: 'solo',
          title: 'Allein',
          kind: 'MEETING',
          participants: [{ actorId: 'a6', role: 'HOST' }],
        });
        expect(await store.collaboratorsOfActors(['a6'])).toEqual([[]]);
      });
    });

    // -------------------------------------------------------------------------------------------
    describe('listActors', () => {
      beforeEach(async () => {
        await buildNetwork(store);
      });

      test('orders by nameKey (case and accents folded), then id', async () => {
        const page = await store.listActors({}, { first: 50 });
        expect(ids(page.items)).toEqual(ACTOR_ORDER);
        expect(page.totalCount).toBe(6);
        expect(page.hasNextPage).toBe(false);
      });

      test('items are whole actors', async () => {
        const page = await store.listActors({ nameContains: 'anna' }, { first: 5 });
        expect(page.items).toEqual([(await store.getActors(['a6']))[0]]);
      });

      test('nameContains is case- and accent-insensitive', async () => {
        const names = async (q: string) => ids((await store.listActors({ nameContains: q }, { first: 50 })).items);
        expect(await names('burger')).toEqual(['a2']);
        expect(await names('BÜRGER')).toEqual(['a2']);
        expect(await names('Bürgerhaus nord')).toEqual(['a2']);
        expect(await names('ÄRZTE')).toEqual(['a4', 'a5']);
        expect(await names('kollektiv')).toEqual(['a4', 'a5']);
        expect(await names('strasse')).toEqual(['a6']);
        expect(await names('Straße')).toEqual(['a6']);
        expect(await names('cafe m')).toEqual(['a3']);
        expect(await names('nichts')).toEqual([]);
        const page = await store.listActors({ nameContains: 'kollektiv' }, { first: 50 });
        expect(page.totalCount).toBe(2);
      });

      test('nameContains: short terms, search-syntax characters, pages, and the index follows every write', async () => {
        const names = async (q: string) => ids((await store.listActors({ nameContains: q }, { first: 50 })).items);
        await store.createActor({ id: 'q1', name: 'Chor "Die Frohen" & Co. (NEAR) OR*', kind: 'GROUP' });
        expect(await names('"die frohen"')).toEqual(['q1']);
        expect(await names('(near) or*')).toEqual(['q1']);
        expect(await names('or*')).toEqual(['q1']);
        expect(await names('e "')).toEqual([]);
        expect(await names('kol\u0000lektiv')).toEqual([]);
        // One and two characters: below the trigram length, still a substring match.
        expect(await names('ä')).toEqual(await names('a'));
        expect(await names('ll')).toEqual(['a4', 'a5']);
        // A page of a search, then the next.
        const paged = await walkPages(
          (after) => store.listActors({ nameContains: 'kollektiv' }, { first: 1, after }),
          actorSortKey,
          1,
          2,
        );
        expect(ids(paged)).toEqual(['a4', 'a5']);
        // Deleted and merged actors leave the search; the kept one stays findable.
        await store.deleteActor('q1');
        expect(await names('frohen')).toEqual([]);
        await store.mergeActors('a4', ['a5']);
        expect(await names('kollektiv')).toEqual(['a4']);
        await store.mergeGraph({
          topics: [],
          actors: [{ id: 'q2', name: 'Neue Kolleginnen', kind: 'GROUP' }],
          collaborations: [],
        });
        expect(await names('kolleg')).toEqual(['q2']);
      });

      test('kinds matches any of the kinds', async () => {
        const page = await store.listActors({ kinds: ['GROUP', 'BUSINESS', 'FUNDER'] }, { first: 50 });
        expect(ids(page.items)).toEqual(['a5', 'a3']);
        expect(page.totalCount).toBe(2);
      });

      test('topicIds matches actors interested in any of the topics, each once', async () => {
        const page = await store.listActors({ topicIds: ['urban-gardening', 'jugend-sport'] }, { first: 50 });
        expect(ids(page.items)).toEqual(['a6', 'a2', 'a3']);
        expect(page.totalCount).toBe(3);
        expect((await store.listActors({ topicIds: ['okologie'] }, { first: 50 })).items).toEqual([]);
      });

      test('filters combine (AND)', async () => {
        const both = await store.listActors(
          { kinds: ['BUSINESS', 'INSTITUTION', 'ASSOCIATION'], topicIds: ['urban-gardening', 'klima'] },
          { first: 50 },
        );
        expect(ids(both.items)).toEqual(['a2', 'a3', 'a1']);
        const all = await store.listActors(
          { nameContains: 'mitte', kinds: ['BUSINESS', 'INSTITUTION'], topicIds: ['urban-gardening', 'klima'] },
          { first: 50 },
        );
        expect(ids(all.items)).toEqual(['a3']);
        expect(all.totalCount).toBe(1);
        const none = await store.listActors({ nameContains: 'zentrum', kinds: ['BUSINESS'] }, { first: 50 });
        expect(none).toEqual({ items: [], totalCount: 0, hasNextPage: false });
      });

      test('null filter fields mean no filter', async () => {
        const page = await store.listActors({ nameContains: null, kinds: null, topicIds: null }, { first: 50 });
        expect(ids(page.items)).toEqual(ACTOR_ORDER);
      });

      test('paging with first=2 walks every actor once; totalCount is the filtered total', async () => {
        const walked = await walkPages((after) => store.listActors({}, { first: 2, after }), actorSortKey, 2, 6);
        expect(ids(walked)).toEqual(ACTOR_ORDER);
        expect(new Set(ids(walked)).size).toBe(6);

        const filtered = await walkPages(
          (after) => store.listActors({ topicIds: ['urban-gardening', 'jugend-sport'] }, { first: 2, after }),
          actorSortKey,
          2,
          3,
        );
        expect(ids(filtered)).toEqual(['a6', 'a2', 'a3']);
      });

      test('hasNextPage is exact at the boundary', async () => {
        const five = await store.listActors({}, { first: 5 });
        expect(five.hasNextPage).toBe(true);
        const six = await store.listActors({}, { first: 6 });
        expect(six.hasNextPage).toBe(false);
        const last = await store.listActors({}, { first: 3, after: encodeCursor(actorSortKey(six.items[2])) });
        expect(ids(last.items)).toEqual(['a2', 'a3', 'a1']);
        expect(last.hasNextPage).toBe(false);
        expect(last.totalCount).toBe(6);
        const after = await store.listActors({}, { first: 3, after: encodeCursor(actorSortKey(six.items[5])) });
        expect(after).toEqual({ items: [], totalCount: 6, hasNextPage: false });
      });

      test('a cursor is a sort key, not an item: keys between items work', async () => {
        // Between the two "arzte kollektiv" actors (a4, a5) by id:
        const mid = await store.listActors({}, { first: 10, after: encodeCursor(['arzte kollektiv', 'a4']) });
        expect(ids(mid.items)).toEqual(['a5', 'a2', 'a3', 'a1']);
        const fromB = await store.listActors({}, { first: 10, after: encodeCursor(['b', '']) });
        expect(ids(fromB.items)).toEqual(['a2', 'a3', 'a1']);
      });

      test('an invalid cursor is BAD_USER_INPUT', async () => {
        await expect(store.listActors({}, { first: 2, after: 'not a cursor' })).rejects.toMatchObject({
          code: 'BAD_USER_INPUT',
        });
        const notAPair = Buffer.from(JSON.stringify({ a: 1 }), 'utf8').toString('base64url');
        await expect(store.listActors({}, { first: 2, after: notAPair })).rejects.toMatchObject({
          code: 'BAD_USER_INPUT',
        });
      });
    });

    // -------------------------------------------------------------------------------------------
    describe('listTopics', () => {
      beforeEach(async () => {
        await buildNetwork(store);
      });

      test('orders by nameKey then id; items are whole topics', async () => {
        const page = await store.listTopics({}, { first: 50 });
        expect(ids(page.items)).toEqual(TOPIC_ORDER);
        expect(page.totalCount).toBe(4);
        expect(page.hasNextPage).toBe(false);
        expect(page.items[1]).toEqual({
          id: 'klima',
          name: 'Klimaschutz',
          slug: 'klimaschutz',
          aliases: ['Klima', 'Umwelt'],
        });
      });

      test('nameContains is case- and accent-insensitive', async () => {
        const topicIds = async (q: string | null) =>
          ids((await store.listTopics({ nameContains: q }, { first: 50 })).items);
        expect(await topicIds('ÖKO')).toEqual(['okologie']);
        expect(await topicIds('oko')).toEqual(['okologie']);
        expect(await topicIds('&')).toEqual(['jugend-sport']);
        expect(await topicIds('GARDEN')).toEqual(['urban-gardening']);
        expect(await topicIds('s')).toEqual(['jugend-sport', 'klima']);
        expect(await topicIds(null)).toEqual(TOPIC_ORDER);
      });

      test('paging walks every topic once', async () => {
        const walked = await walkPages((after) => store.listTopics({}, { first: 3, after }), topicSortKey, 3, 4);
        expect(ids(walked)).toEqual(TOPIC_ORDER);
        const firstPage = await store.listTopics({}, { first: 2 });
        expect(firstPage.hasNextPage).toBe(true);
        expect(firstPage.totalCount).toBe(4);
      });

      test('an invalid cursor is BAD_USER_INPUT', async () => {
        await expect(store.listTopics({}, { first: 2, after: '###' })).rejects.toMatchObject({
          code: 'BAD_USER_INPUT',
        });
      });
    });

    // -------------------------------------------------------------------------------------------
    describe('listCollaborations', () => {
      beforeEach(async () => {
        await buildNetwork(store);
      });

      const list = async (filter: Parameters<NetworkStore['listCollaborations']>[0]) =>
        ids((await store.listCollaborations(filter, { first: 50 })).items);

      test('newest first: startDate desc, same date by id, no date last', async () => {
        const page = await store.listCollaborations({}, { first: 50 });
        expect(ids(page.items)).toEqual(COLLABORATION_ORDER);
        expect(page.totalCount).toBe(6);
        expect(page.hasNextPage).toBe(false);
        expect(page.items[2]).toEqual((await store.getCollaborations(['k2']))[0]);
      });

      test('no-date collaborations sort last among themselves by id', async () => {
        await store.createCollaboration({ id: 'a-undated', title: 'Ohne Datum', kind: 'MEETING' });
        await store.createCollaboration({ id: 'z-undated', title: 'Ohne Datum', kind: 'MEETING' });
        expect(await list({})).toEqual([...COLLABORATION_ORDER.slice(0, 5), 'a-undated', 'k3', 'z-undated']);
      });

      test('kinds and topicIds match any of, each collaboration once', async () => {
        expect(await list({ kinds: ['MEETING', 'JURY'] })).toEqual(['k0', 'k2']);
        expect(await list({ topicIds: ['klima', 'urban-gardening'] })).toEqual(['k1', 'k2', 'k5', 'k3']);
        expect(await list({ topicIds: ['okologie'] })).toEqual([]);
        expect(await list({ kinds: ['CONFERENCE', 'PROJECT'], topicIds: ['urban-gardening'] })).toEqual(['k5', 'k3']);
        expect(await list({ kinds: null, topicIds: null, from: null, to: null })).toEqual(COLLABORATION_ORDER);
      });

      test('date range: overlap with [from, to], bounds inclusive', async () => {
        expect(await list({ from: '2024-02-01', to: '2024-03-31' })).toEqual(['k0', 'k2', 'k5']);
        expect(await list({ from: '2024-02-15', to: '2024-02-15' })).toEqual(['k5']);
        expect(await list({ from: '2023-12-31', to: '2023-12-31' })).toEqual(['k5', 'k4']);
        expect(await list({ from: '2024-05-02', to: '2030-01-01' })).toEqual(['k1']);
        expect(await list({ from: '2024-05-03', to: '2030-01-01' })).toEqual([]);
      });

      test('date range: an open bound; endDate null counts as the startDate; no startDate never matches', async () => {
        // from only: ends (or, without end, starts) on or after from
        expect(await list({ from: '2024-03-01' })).toEqual(['k1', 'k0', 'k2']);
        expect(await list({ from: '2024-03-02' })).toEqual(['k1']);
        // to only: starts on or before to
        expect(await list({ to: '2023-11-15' })).toEqual(['k5', 'k4']);
        expect(await list({ to: '2023-11-14' })).toEqual(['k4']);
        expect(await list({ to: '2099-12-31' })).toEqual(['k1', 'k0', 'k2', 'k5', 'k4']);
        expect(await list({ from: '1900-01-01' })).toEqual(['k1', 'k0', 'k2', 'k5', 'k4']);
      });

      test('filters combine (AND) and totalCount counts the filtered list', async () => {
        const page = await store.listCollaborations(
          { kinds: ['FUNDING', 'CONFERENCE', 'MEETING'], from: '2024-01-01' },
          { first: 1 },
        );
        expect(ids(page.items)).toEqual(['k2']);
        expect(page.totalCount).toBe(2);
        expect(page.hasNextPage).toBe(true);
        expect(
          await list({ kinds: ['FUNDING', 'CONFERENCE', 'MEETING'], topicIds: ['klima'], to: '2024-01-01' }),
        ).toEqual(['k5']);
      });

      test('paging with first=2 walks every collaboration once, across the no-date tail', async () => {
        const walked = await walkPages(
          (after) => store.listCollaborations({}, { first: 2, after }),
          collaborationSortKey,
          2,
          6,
        );
        expect(ids(walked)).toEqual(COLLABORATION_ORDER);
        const filtered = await walkPages(
          (after) => store.listCollaborations({ topicIds: ['urban-gardening'] }, { first: 2, after }),
          collaborationSortKey,
          2,
          3,
        );
        expect(ids(filtered)).toEqual(['k1', 'k5', 'k3']);
      });

      test('cursors are collaboration sort keys', async () => {
        // same date as k0/k2, after id "k1": k2 then the older ones
        expect(
          ids((await store.listCollaborations({}, { first: 10, after: encodeCursor(['2024-03-01', 'k1']) })).items),
        ).toEqual(['k2', 'k5', 'k4', 'k3']);
        // a cursor on the no-date tail
        expect(ids((await store.listCollaborations({}, { first: 10, after: encodeCursor(['', 'a']) })).items)).toEqual([
          'k3',
        ]);
        const afterLast = await store.listCollaborations({}, { first: 10, after: encodeCursor(['', 'k3']) });
        expect(afterLast).toEqual({ items: [], totalCount: 6, hasNextPage: false });
      });

      test('an invalid cursor is BAD_USER_INPUT', async () => {
        await expect(store.listCollaborations({}, { first: 2, after: 'bogus' })).rejects.toMatchObject({
          code: 'BAD_USER_INPUT',
        });
      });
    });

    // -------------------------------------------------------------------------------------------
    describe('loadSnapshot', () => {
      test('an empty store has an empty snapshot', async () => {
        expect(await store.loadSnapshot()).toEqual({
          actors: [],
          collaborations: [],
          participations: [],
          interests: [],
          about: [],
          topics: [],
        });
      });

      test('returns exactly the structure of the network', async () => {
        await buildNetwork(store);
        expect(sortedSnapshot(await store.loadSnapshot())).toEqual({
          actors: [
            { id: 'a1', kind: 'INSTITUTION' },
            { id: 'a2', kind: 'ASSOCIATION' },
            { id: 'a3', kind: 'BUSINESS' },
            { id: 'a4', kind: 'INITIATIVE' },
            { id: 'a5', kind: 'GROUP' },
            { id: 'a6', kind: 'PERSON' },
          ],
          collaborations: [
            { id: 'k0', kind: 'JURY', startDate: '2024-03-01', endDate: '2024-03-01' },
            { id: 'k1', kind: 'EVENT', startDate: '2024-05-01', endDate: '2024-05-02' },
            { id: 'k2', kind: 'MEETING', startDate: '2024-03-01', endDate: null },
            { id: 'k3', kind: 'PROJECT', startDate: null, endDate: null },
            { id: 'k4', kind: 'FUNDING', startDate: '2023-01-01', endDate: '2023-12-31' },
            { id: 'k5', kind: 'CONFERENCE', startDate: '2023-11-15', endDate: '2024-02-15' },
          ],
          participations: [
            { actorId: 'a1', collaborationId: 'k0' },
            { actorId: 'a1', collaborationId: 'k1' },
            { actorId: 'a1', collaborationId: 'k2' },
            { actorId: 'a2', collaborationId: 'k1' },
            { actorId: 'a2', collaborationId: 'k4' },
            { actorId: 'a3', collaborationId: 'k0' },
            { actorId: 'a3', collaborationId: 'k1' },
            { actorId: 'a3', collaborationId: 'k2' },
            { actorId: 'a3', collaborationId: 'k3' },
            { actorId: 'a4', collaborationId: 'k3' },
            { actorId: 'a4', collaborationId: 'k4' },
          ],
          interests: [
            { actorId: 'a1', topicId: 'klima' },
            { actorId: 'a2', topicId: 'jugend-sport' },
            { actorId: 'a2', topicId: 'urban-gardening' },
            { actorId: 'a3', topicId: 'urban-gardening' },
            { actorId: 'a6', topicId: 'jugend-sport' },
          ],
          about: [
            { collaborationId: 'k1', topicId: 'jugend-sport' },
            { collaborationId: 'k1', topicId: 'urban-gardening' },
            { collaborationId: 'k2', topicId: 'klima' },
            { collaborationId: 'k3', topicId: 'urban-gardening' },
            { collaborationId: 'k4', topicId: 'jugend-sport' },
            { collaborationId: 'k5', topicId: 'klima' },
            { collaborationId: 'k5', topicId: 'urban-gardening' },
          ],
          topics: [{ id: 'jugend-sport' }, { id: 'klima' }, { id: 'okologie' }, { id: 'urban-gardening' }],
        });
      });
    });

    // -------------------------------------------------------------------------------------------
    describe('mergeGraph', () => {
      const graph = (): GraphData => ({
        topics: [{ name: 'Urban Gardening' }, { id: 'klima', name: 'Klimaschutz', aliases: ['Klima'] }],
        actors: [
          {
            id: 'm1',
            name: 'Gemeinschaftsgarten',
            kind: 'INITIATIVE',
            description: 'Gärtnern im Kiez',
            interests: [{ topicId: 'urban-gardening' }, { topicId: 'klima', weight: 0.5 }],
          },
          { id: 'm2', name: 'Umweltamt', kind: 'CITY_DEPARTMENT', district: 'Mitte' },
          { id: 'm3', name: 'Stiftung Grün', kind: 'FUNDER', interests: [{ topicId: 'klima' }] },
        ],
        collaborations: [
          {
            id: 'mc1',
            title: 'Pflanzaktion',
            kind: 'EVENT',
            startDate: '2024-04-20',
            topicIds: ['urban-gardening'],
            participants: [
              { actorId: 'm1', role: 'ORGANISER' },
              { actorId: 'm2', role: 'PARTICIPANT' },
            ],
          },
          {
            id: 'mc2',
            title: 'Förderaufruf',
            kind: 'FUNDING',
            startDate: '2024-01-01',
            endDate: '2024-12-31',
            location: 'online',
            topicIds: ['klima', 'urban-gardening'],
            participants: [
              { actorId: 'm3', role: 'FUNDER' },
              { actorId: 'm1', role: 'PARTICIPANT' },
            ],
          },
        ],
      });
      const MERGED_COUNTS: StoreCounts = { actors: 3, topics: 2, collaborations: 2, participations: 4, interests: 3 };
      const NOTHING = {
        actorsCreated: 0,
        topicsCreated: 0,
        collaborationsCreated: 0,
        interestsCreated: 0,
        participationsCreated: 0,
        aboutCreated: 0,
      };

      test('creates everything of a nested GraphData and reports the counts', async () => {
        expect(await store.mergeGraph(graph())).toEqual({
          actorsCreated: 3,
          topicsCreated: 2,
          collaborationsCreated: 2,
          interestsCreated: 3,
          participationsCreated: 4,
          aboutCreated: 3,
        });
        expect(await store.counts()).toEqual(MERGED_COUNTS);

        const [m1, m2] = await store.getActors(['m1', 'm2']);
        expect(m1).toEqual({
          id: 'm1',
          name: 'Gemeinschaftsgarten',
          kind: 'INITIATIVE',
          description: 'Gärtnern im Kiez',
          district: null,
          website: null,
          contact: null,
          createdAt: expect.any(String),
          updatedAt: expect.any(String),
          version: 1,
        });
        expectIsoTimestamp(m1!.createdAt);
        expect(m2).toMatchObject({ district: 'Mitte', description: null, version: 1 });
        expect(await store.getTopics(['urban-gardening', 'klima'])).toEqual([
          { id: 'urban-gardening', name: 'Urban Gardening', slug: 'urban-gardening', aliases: [] },
          { id: 'klima', name: 'Klimaschutz', slug: 'klimaschutz', aliases: ['Klima'] },
        ]);
        const [mc2] = await store.getCollaborations(['mc2']);
        expect(mc2).toMatchObject({
          id: 'mc2',
          title: 'Förderaufruf',
          kind: 'FUNDING',
          startDate: '2024-01-01',
          endDate: '2024-12-31',
          location: 'online',
          description: null,
        });
        expectIsoTimestamp(mc2!.updatedAt);
        expect(await store.interestsOfActors(['m1', 'm3'])).toEqual([
          [
            { actorId: 'm1', topicId: 'klima', weight: 0.5 },
            { actorId: 'm1', topicId: 'urban-gardening', weight: 1 },
          ],
          [{ actorId: 'm3', topicId: 'klima', weight: 1 }],
        ]);
        expect(await store.participationsOfCollaborations(['mc2'])).toEqual([
          [
            { actorId: 'm1', collaborationId: 'mc2', role: 'PARTICIPANT' },
            { actorId: 'm3', collaborationId: 'mc2', role: 'FUNDER' },
          ],
        ]);
        expect(await store.collaborationsOfTopics(['urban-gardening', 'klima'])).toEqual([['mc1', 'mc2'], ['mc2']]);
      });

      test('a second identical merge creates nothing', async () => {
        await store.mergeGraph(graph());
        const snapshot = sortedSnapshot(await store.loadSnapshot());
        expect(await store.mergeGraph(graph())).toEqual(NOTHING);
        expect(await store.counts()).toEqual(MERGED_COUNTS);
        expect(sortedSnapshot(await store.loadSnapshot())).toEqual(snapshot);
      });

      test('existing records and relationships are left untouched', async () => {
        await store.mergeGraph(graph());
        const m2 = await store.updateActor('m2', { name: 'Umweltamt Mitte', district: null });
        await store.updateTopic('klima', { name: 'Klima & Energie', aliases: [] });
        await store.updateCollaboration('mc1', { title: 'Große Pflanzaktion' });
        await store.setActorInterests('m3', [{ topicId: 'klima', weight: 0.7 }]);
        await store.addParticipant('mc1', 'm2', 'HOST');

        expect(await store.mergeGraph(graph())).toEqual(NOTHING);
        expect(await store.getActors(['m2'])).toEqual([m2]);
        expect(m2.version).toBe(2);
        expect(await store.getTopics(['klima'])).toEqual([
          { id: 'klima', name: 'Klima & Energie', slug: 'klima-energie', aliases: [] },
        ]);
        expect((await store.getCollaborations(['mc1']))[0]).toMatchObject({ title: 'Große Pflanzaktion' });
        expect(await store.interestsOfActors(['m3'])).toEqual([[{ actorId: 'm3', topicId: 'klima', weight: 0.7 }]]);
        expect((await store.participationsOfCollaborations(['mc1']))[0]).toContainEqual({
          actorId: 'm2',
          collaborationId: 'mc1',
          role: 'HOST',
        });
        expect(await store.counts()).toEqual(MERGED_COUNTS);
      });

      test('missing relationships of existing records are created', async () => {
        await store.mergeGraph(graph());
        await store.removeParticipant('mc1', 'm2');
        await store.setActorInterests('m1', [{ topicId: 'klima', weight: 0.5 }]);
        await store.updateCollaboration('mc2', { topicIds: ['klima'] });
        expect(await store.mergeGraph(graph())).toEqual({
          ...NOTHING,
          interestsCreated: 1,
          participationsCreated: 1,
          aboutCreated: 1,
        });
        expect(await store.counts()).toEqual(MERGED_COUNTS);
      });

      test('references may point at records already in the store', async () => {
        await store.createTopic({ id: 'alt', name: 'Altes Thema' });
        await store.createActor({ id: 'old', name: 'Alter Verein', kind: 'ASSOCIATION' });
        const report = await store.mergeGraph({
          topics: [],
          actors: [{ id: 'new', name: 'Neu', kind: 'GROUP', interests: [{ topicId: 'alt' }] }],
          collaborations: [
            {
              id: 'nc',
              title: 'Zusammen',
              kind: 'MEETING',
              topicIds: ['alt'],
              participants: [
                { actorId: 'old', role: 'HOST' },
                { actorId: 'new', role: 'PARTICIPANT' },
              ],
            },
          ],
        });
        expect(report).toEqual({
          actorsCreated: 1,
          topicsCreated: 0,
          collaborationsCreated: 1,
          interestsCreated: 1,
          participationsCreated: 2,
          aboutCreated: 1,
        });
        expect(await store.collaboratorsOfActors(['old'])).toEqual([
          [{ actorId: 'old', partnerId: 'new', collaborationIds: ['nc'] }],
        ]);
      });

      test('a reference to an unknown id is NOT_FOUND and nothing is written', async () => {
        const badParticipant = graph();
        badParticipant.collaborations[1].participants!.push({ actorId: 'ghost', role: 'MEMBER' });
        await expect(store.mergeGraph(badParticipant)).rejects.toMatchObject({ code: 'NOT_FOUND' });
        expect(await store.counts()).toEqual(ZERO_COUNTS);

        const badInterest = graph();
        badInterest.actors[2].interests = [{ topicId: 'ghost-topic' }];
        await expect(store.mergeGraph(badInterest)).rejects.toMatchObject({ code: 'NOT_FOUND' });
        expect(await store.counts()).toEqual(ZERO_COUNTS);

        const badAbout = graph();
        badAbout.collaborations[0].topicIds = ['urban-gardening', 'ghost-topic'];
        await expect(store.mergeGraph(badAbout)).rejects.toMatchObject({ code: 'NOT_FOUND' });
        expect(await store.counts()).toEqual(ZERO_COUNTS);
        expect(await store.getActors(['m1'])).toEqual([null]);
      });

      test('an empty GraphData changes nothing', async () => {
        expect(await store.mergeGraph({ topics: [], actors: [], collaborations: [] })).toEqual(NOTHING);
        expect(await store.counts()).toEqual(ZERO_COUNTS);
      });
    });

    // -------------------------------------------------------------------------------------------
    describe('strings are stored verbatim', () => {
      const NASTY = `O'Brien "Büro" 🎉 x'}) DETACH DELETE n // $name \\ {{x}}`;
      const MULTILINE = 'Zeile 1\nZeile 2\t– „Anführung“ ‚einfach‘ ß ÄÖÜ äöü 😀👩‍👩‍👧';

      test('actor fields with quotes, umlauts, emoji and Cypher-ish text round-trip', async () => {
        await store.createActor({ id: 'victim', name: 'Unbeteiligt', kind: 'PERSON' });
        const created = await store.createActor({
          id: `id-'"}) ${'`'}x${'`'} 🎉`,
          name: NASTY,
          kind: 'GROUP',
          description: MULTILINE,
          district: 'Prenzlauer Berg – Süd',
          website: 'https://example.org/?q=\'a\'&b="c"',
          contact: 'MATCH (n) RETURN n; // \' "',
        });
        expect(created).toMatchObject({ name: NASTY, description: MULTILINE });
        expect(await store.getActors([created.id, 'victim'])).toEqual([
          created,
          expect.objectContaining({ id: 'victim', name: 'Unbeteiligt' }),
        ]);
        expect((await store.counts()).actors).toBe(2);
        expect(ids((await store.listActors({ nameContains: "x'})" }, { first: 10 })).items)).toEqual([created.id]);
        expect(ids((await store.listActors({ nameContains: '"büro" 🎉' }, { first: 10 })).items)).toEqual([created.id]);

        const updated = await store.updateActor(created.id, { district: NASTY });
        expect(updated.district).toBe(NASTY);
      });

      test('nameContains takes the query literally (no wildcards, no patterns)', async () => {
        await store.createActor({ id: 'pct', name: '100% Kiez', kind: 'GROUP' });
        await store.createActor({ id: 'und', name: 'Kiez_Netz', kind: 'GROUP' });
        await store.createActor({ id: 'dot', name: 'Kiez.Netz [a-z]*', kind: 'GROUP' });
        await store.createActor({ id: 'plain', name: 'Kiez Netz', kind: 'GROUP' });
        const found = async (q: string) => ids((await store.listActors({ nameContains: q }, { first: 10 })).items);
        expect(await found('%')).toEqual(['pct']);
        expect(await found('_')).toEqual(['und']);
        expect(await found('.')).toEqual(['dot']);
        expect(await found('[a-z]*')).toEqual(['dot']);
        expect(await found('kiez')).toEqual(['pct', 'plain', 'dot', 'und']);
      });

      test('topic and collaboration strings round-trip', async () => {
        const topic = await store.createTopic({ name: NASTY, aliases: [MULTILINE, "'", '"'] });
        expect(topic.slug).toBe(slugify(NASTY));
        expect(topic.id).toBe(slugify(NASTY));
        expect(await store.getTopics([topic.id])).toEqual([
          { id: topic.id, name: NASTY, slug: slugify(NASTY), aliases: [MULTILINE, "'", '"'] },
        ]);
        const actor = await store.createActor({ id: "a'b", name: 'Ä', kind: 'PERSON' });
        const collab = await store.createCollaboration({
          id: 'c"d',
          title: NASTY,
          kind: 'EVENT',
          location: MULTILINE,
          description: NASTY,
          topicIds: [topic.id],
          participants: [{ actorId: actor.id, role: 'HOST' }],
        });
        expect(await store.getCollaborations(['c"d'])).toEqual([collab]);
        expect(collab).toMatchObject({ title: NASTY, location: MULTILINE, description: NASTY });
        expect(await store.topicsOfCollaborations(['c"d'])).toEqual([[topic.id]]);
        expect(await store.participationsOfActors(["a'b"])).toEqual([
          [{ actorId: "a'b", collaborationId: 'c"d', role: 'HOST' }],
        ]);
        expect(await store.counts()).toEqual({
          actors: 1,
          topics: 1,
          collaborations: 1,
          participations: 1,
          interests: 0,
        });
      });
    });
  });
}
