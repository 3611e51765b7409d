/**
 * The NetworkStore contract (strings.test.ts: embedded, strings.neo4j.test.ts: Neo4j): strings are
 * stored verbatim (quotes, umlauts, emoji, Cypher-ish text).
 */
import { slugify } from '../../../src/domain/text';
import type { NetworkStore } from '../../../src/store/network-store';
import type { StoreHarness } from '../../support/stores';
import { ids, useFreshStore } from './fixture';

export function describeVerbatimStringContract(label: string, harness: StoreHarness): void {
  describe(`NetworkStore contract (${label})`, () => {
    let store: NetworkStore;
    useFreshStore(harness, (fresh) => {
      store = fresh;
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
