/**
 * The NetworkStore contract for the update recipe (features/history/update-rules.ts), run against
 * every store: updates and deletes of actors, topics and collaborations refuse the same inputs
 * with the same code, message and field, and a refused write changes nothing and records nothing.
 */
import type { NetworkStore } from '../../src/store/network-store';
import type { StoreHarness } from '../support/stores';

/** What a rejected promise carried: the DomainError's code, field and message. */
async function refusal(promise: Promise<unknown>): Promise<{ code?: string; field?: string; message?: string }> {
  try {
    await promise;
  } catch (error) {
    const { code, field, message } = error as { code?: string; field?: string; message?: string };
    return { code, field, message };
  }
  throw new Error('expected the write to be refused');
}

export function describeUpdateRecipeContract(label: string, harness: StoreHarness): void {
  describe(`NetworkStore contract: the update recipe (${label})`, () => {
    let store: NetworkStore;

    beforeAll(() => harness.setup());
    afterAll(() => harness.teardown());
    beforeEach(async () => {
      store = await harness.fresh();
      await store.createTopic({ id: 'garten', name: 'Garten' });
      await store.createActor({ id: 'a1', name: 'Gartenverein', kind: 'GROUP', district: 'Nord' });
      await store.createCollaboration({ id: 'c1', title: 'Pflanztag', kind: 'EVENT', topicIds: ['garten'] });
    });

    const history = async (id: string) => (await store.history(id, { first: 50 })).items;

    test.each([
      ['updateActor', 'Actor', (s: NetworkStore) => s.updateActor('ghost', { name: 'x' })],
      ['updateActor with expectedVersion', 'Actor', (s: NetworkStore) => s.updateActor('ghost', { name: 'x' }, 1)],
      ['deleteActor', 'Actor', (s: NetworkStore) => s.deleteActor('ghost')],
      ['updateTopic', 'Topic', (s: NetworkStore) => s.updateTopic('ghost', { name: 'x' })],
      ['deleteTopic', 'Topic', (s: NetworkStore) => s.deleteTopic('ghost')],
      ['updateCollaboration', 'Collaboration', (s: NetworkStore) => s.updateCollaboration('ghost', { title: 'x' })],
      [
        'updateCollaboration with unknown topics',
        'Collaboration',
        (s: NetworkStore) => s.updateCollaboration('ghost', { topicIds: ['nowhere'] }),
      ],
      ['deleteCollaboration', 'Collaboration', (s: NetworkStore) => s.deleteCollaboration('ghost')],
    ])('%s of an unknown id: NOT_FOUND naming the field id; nothing is recorded', async (_name, entity, write) => {
      expect(await refusal(write(store))).toEqual({
        code: 'NOT_FOUND',
        field: 'id',
        message: `${entity} "ghost" does not exist`,
      });
      expect(await history('ghost')).toEqual([]);
      expect(await store.counts()).toMatchObject({ actors: 1, topics: 1, collaborations: 1 });
    });

    test('a stale expectedVersion: CONFLICT with the same message in every store; nothing changes', async () => {
      const second = await store.updateActor('a1', { district: 'Süd' }, 1);
      expect(second.version).toBe(2);
      const recorded = await history('a1');
      expect(await refusal(store.updateActor('a1', { name: 'Überschrieben' }, 1))).toEqual({
        code: 'CONFLICT',
        field: 'expectedVersion',
        message: 'Actor "a1" has changed: its version is 2, not 1; reload and retry',
      });
      expect(await refusal(store.updateActor('a1', { name: 'Überschrieben' }, 3))).toMatchObject({
        code: 'CONFLICT',
        message: 'Actor "a1" has changed: its version is 2, not 3; reload and retry',
      });
      expect(await store.getActors(['a1'])).toEqual([second]);
      expect(await history('a1')).toEqual(recorded);
    });

    test.each([
      ['updateActor', 'name', (s: NetworkStore) => s.updateActor('a1', { name: null as unknown as string })],
      ['updateActor', 'kind', (s: NetworkStore) => s.updateActor('a1', { kind: null as never })],
      ['updateTopic', 'name', (s: NetworkStore) => s.updateTopic('garten', { name: null as unknown as string })],
      ['updateCollaboration', 'title', (s: NetworkStore) => s.updateCollaboration('c1', { title: null as never })],
      ['updateCollaboration', 'kind', (s: NetworkStore) => s.updateCollaboration('c1', { kind: null as never })],
      // The input is wrong whatever is stored: the same answer for an unknown id.
      ['updateActor of an unknown id', 'name', (s: NetworkStore) => s.updateActor('ghost', { name: null as never })],
    ])('%s clearing the required %s: BAD_USER_INPUT naming it', async (_name, field, write) => {
      expect(await refusal(write(store))).toEqual({
        code: 'BAD_USER_INPUT',
        field,
        message: `${field} cannot be cleared`,
      });
      expect(await history('a1')).toHaveLength(1);
    });

    test('updateCollaboration with an unknown topic: NOT_FOUND naming topicIds; topics and fields stay', async () => {
      expect(await refusal(store.updateCollaboration('c1', { title: 'Neu', topicIds: ['garten', 'nowhere'] }))).toEqual(
        { code: 'NOT_FOUND', field: 'topicIds', message: 'Topic "nowhere" does not exist' },
      );
      expect((await store.getCollaborations(['c1']))[0]).toMatchObject({ title: 'Pflanztag' });
      expect(await store.topicsOfCollaborations(['c1'])).toEqual([['garten']]);
    });

    test('an update keeps absent fields, clears null ones, bumps the version and records the changed fields', async () => {
      const [before] = await store.getActors(['a1']);
      const after = await store.updateActor('a1', { district: null, website: 'https://garten.example' });
      expect(after).toEqual({
        ...before,
        district: null,
        website: 'https://garten.example',
        version: 2,
        updatedAt: expect.any(String),
      });
      expect(await store.getActors(['a1'])).toEqual([after]);
      const [latest] = await history('a1');
      expect(latest).toMatchObject({ operation: 'UPDATE', entityId: 'a1' });
      expect(latest.changes).toEqual([
        { field: 'district', before: 'Nord', after: null },
        { field: 'website', before: null, after: 'https://garten.example' },
      ]);
    });

    test('a topic renamed gets the new slug and keeps its id; null aliases keep the stored ones', async () => {
      await store.updateTopic('garten', { aliases: ['Grün'] });
      const topic = await store.updateTopic('garten', { name: 'Urbanes Gärtnern', aliases: null as never });
      expect(topic).toEqual({ id: 'garten', name: 'Urbanes Gärtnern', slug: 'urbanes-gartnern', aliases: ['Grün'] });
      expect(await store.getTopics(['garten'])).toEqual([topic]);
    });

    test('a collaboration given topicIds replaces its topics (each once) and records both lists', async () => {
      await store.createTopic({ id: 'kiez', name: 'Kiez' });
      const updated = await store.updateCollaboration('c1', { topicIds: ['kiez', 'kiez'] });
      expect(updated).toMatchObject({ id: 'c1', title: 'Pflanztag' });
      expect(await store.topicsOfCollaborations(['c1'])).toEqual([['kiez']]);
      const [latest] = await history('c1');
      expect(latest.changes).toEqual([{ field: 'topicIds', before: ['garten'], after: ['kiez'] }]);
    });
  });
}
