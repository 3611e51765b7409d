/**
 * The NetworkStore contract for mergeActors and the history (every write recorded in its own
 * transaction), run against every store like the NetworkStore contract (network-store/).
 */
import { encodeCursor } from '../../src/domain/paging';
import type { ChangeRecord, NetworkStore } from '../../src/store/network-store';
import type { StoreHarness } from '../support/stores';

const ALICE = { author: 'alice@quartier' };

async function fixture(store: NetworkStore): Promise<void> {
  await store.createTopic({ id: 'garten', name: 'Garten' });
  await store.createTopic({ id: 'jugend', name: 'Jugend' });
  await store.createTopic({ id: 'kultur', name: 'Kultur' });
  await store.createActor({ id: 'bobbie', name: 'Bobbie e.V.', kind: 'ASSOCIATION', website: 'https://bobbie.de' });
  await store.createActor({ id: 'bobbie2', name: 'Bobbie', kind: 'ASSOCIATION', contact: 'info@bobbie.de' });
  await store.createActor({ id: 'bobbie3', name: 'Bobbie eV', kind: 'GROUP' });
  await store.createActor({ id: 'kita', name: 'Kita Sonnenblume', kind: 'INSTITUTION' });
  await store.setActorInterests('bobbie', [{ topicId: 'garten', weight: 0.4 }]);
  await store.setActorInterests('bobbie2', [
    { topicId: 'garten', weight: 0.9 },
    { topicId: 'jugend', weight: 0.5 },
  ]);
  await store.setActorInterests('bobbie3', [{ topicId: 'kultur', weight: 0.2 }]);
  await store.createCollaboration({
    id: 'fest',
    title: 'Stadtteilfest',
    kind: 'EVENT',
    startDate: '2023-06-01',
    participants: [
      { actorId: 'bobbie', role: 'PARTICIPANT' },
      { actorId: 'bobbie2', role: 'ORGANISER' },
      { actorId: 'kita', role: 'HOST' },
    ],
  });
  await store.createCollaboration({
    id: 'konferenz',
    title: 'Stadtteilkonferenz',
    kind: 'CONFERENCE',
    startDate: '2022-03-01',
    participants: [
      { actorId: 'bobbie', role: 'HOST' },
      { actorId: 'bobbie3', role: 'MEMBER' },
    ],
  });
  await store.createCollaboration({
    id: 'garten-ag',
    title: 'Garten-AG',
    kind: 'WORKING_GROUP',
    startDate: '2023-01-01',
    participants: [
      { actorId: 'bobbie2', role: 'MEMBER' },
      { actorId: 'bobbie3', role: 'FUNDER' },
    ],
  });
}

async function allHistory(store: NetworkStore, entityId: string): Promise<ChangeRecord[]> {
  return (await store.history(entityId, { first: 100 })).items;
}

async function codeOf(promise: Promise<unknown>): Promise<{ code: string; field?: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code?: string; field?: string };
    return { code: e.code ?? 'none', field: e.field };
  }
  throw new Error('expected the call to fail');
}

export function describeHistoryAndMergeContract(label: string, harness: StoreHarness): void {
  describe(`NetworkStore contract: mergeActors and history (${label})`, () => {
    let store: NetworkStore;
    beforeAll(() => harness.setup());
    afterAll(() => harness.teardown());
    beforeEach(async () => {
      store = await harness.fresh();
      await fixture(store);
    });

    describe('mergeActors', () => {
      test('moves participations (stronger role) and interests (larger weight), deletes the merged actors', async () => {
        const [before] = await store.getActors(['bobbie']);
        const kept = await store.mergeActors('bobbie', ['bobbie2', 'bobbie3'], ALICE);
        expect(kept.id).toBe('bobbie');
        expect(kept.name).toBe('Bobbie e.V.');
        expect(kept.version).toBe(before!.version + 1);
        expect(await store.getActors(['bobbie2', 'bobbie3'])).toEqual([null, null]);

        const [participations] = await store.participationsOfActors(['bobbie']);
        expect(participations.map((p) => [p.collaborationId, p.role])).toEqual([
          ['fest', 'ORGANISER'], // PARTICIPANT (kept) vs ORGANISER (bobbie2): the stronger
          ['garten-ag', 'FUNDER'], // MEMBER (bobbie2) vs FUNDER (bobbie3)
          ['konferenz', 'HOST'], // HOST (kept) vs MEMBER (bobbie3)
        ]);
        const [interests] = await store.interestsOfActors(['bobbie']);
        expect(interests.map((i) => [i.topicId, i.weight])).toEqual([
          ['garten', 0.9],
          ['jugend', 0.5],
          ['kultur', 0.2],
        ]);
        const [fest] = await store.participationsOfCollaborations(['fest']);
        expect(fest.map((p) => p.actorId)).toEqual(['bobbie', 'kita']);
        expect((await store.counts()).actors).toBe(2);
      });

      test('records MERGE on the kept actor and MERGED_INTO on each merged one, with the author', async () => {
        await store.mergeActors('bobbie', ['bobbie2'], ALICE);
        const [merge] = await allHistory(store, 'bobbie');
        expect(merge).toMatchObject({
          operation: 'MERGE',
          author: 'alice@quartier',
          entityType: 'Actor',
          entityId: 'bobbie',
        });
        expect(merge.changes).toEqual([
          { field: 'mergedActorIds', before: null, after: ['bobbie2'] },
          { field: 'participationsMoved', before: null, after: 2 },
          { field: 'interestsMoved', before: null, after: 2 },
        ]);
        const [gone] = await allHistory(store, 'bobbie2');
        expect(gone.operation).toBe('MERGED_INTO');
        expect(gone.changes).toContainEqual({ field: 'mergedInto', before: null, after: 'bobbie' });
        expect(gone.changes).toContainEqual({ field: 'name', before: 'Bobbie', after: null });
        expect(gone.seq).toBe(merge.seq + 1);
      });

      test('unknown ids: NOT_FOUND naming the field; keepId among mergeIds or none: BAD_USER_INPUT; nothing changes', async () => {
        const counts = await store.counts();
        expect(await codeOf(store.mergeActors('nobody', ['bobbie2']))).toEqual({ code: 'NOT_FOUND', field: 'keepId' });
        expect(await codeOf(store.mergeActors('bobbie', ['bobbie2', 'nobody']))).toEqual({
          code: 'NOT_FOUND',
          field: 'mergeIds',
        });
        expect(await codeOf(store.mergeActors('bobbie', ['bobbie2', 'bobbie']))).toEqual({
          code: 'BAD_USER_INPUT',
          field: 'mergeIds',
        });
        expect(await codeOf(store.mergeActors('bobbie', []))).toEqual({ code: 'BAD_USER_INPUT', field: 'mergeIds' });
        expect(await store.counts()).toEqual(counts);
        expect((await store.getActors(['bobbie2']))[0]?.name).toBe('Bobbie');
        expect((await allHistory(store, 'bobbie')).map((r) => r.operation)).not.toContain('MERGE');
      });
    });

    describe('history', () => {
      test('create, update and delete of an actor: who, when, fields before and after, newest first', async () => {
        await store.updateActor('kita', { name: 'Kita Sonnenblume e.V.', website: 'kita.de' }, null, ALICE);
        await store.updateActor('kita', { website: null }, null, { author: 'bob' });
        await store.deleteActor('kita', ALICE);
        const records = await allHistory(store, 'kita');
        expect(records.map((r) => [r.operation, r.author])).toEqual([
          ['DELETE', 'alice@quartier'],
          ['UPDATE', 'bob'],
          ['UPDATE', 'alice@quartier'],
          ['CREATE', 'system'],
        ]);
        const [deleted, cleared, renamed] = records;
        expect(renamed.changes).toEqual([
          { field: 'name', before: 'Kita Sonnenblume', after: 'Kita Sonnenblume e.V.' },
          { field: 'website', before: null, after: 'kita.de' },
        ]);
        expect(cleared.changes).toEqual([{ field: 'website', before: 'kita.de', after: null }]);
        expect(deleted.changes).toEqual([
          { field: 'name', before: 'Kita Sonnenblume e.V.', after: null },
          { field: 'kind', before: 'INSTITUTION', after: null },
        ]);
        expect(records[records.length - 1].changes).toEqual([
          { field: 'name', before: null, after: 'Kita Sonnenblume' },
          { field: 'kind', before: null, after: 'INSTITUTION' },
        ]);
        for (const r of records) {
          expect(Number.isNaN(Date.parse(r.at))).toBe(false);
          expect(r.entityType).toBe('Actor');
        }
        const seqs = records.map((r) => r.seq);
        expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);
      });

      test('pages newest first with a cursor; totalCount counts all', async () => {
        for (let i = 1; i <= 4; i++) await store.updateActor('kita', { description: `v${i}` }, null, ALICE);
        const first = await store.history('kita', { first: 2 });
        expect(first.totalCount).toBe(5); // CREATE and 4 updates (taking part in "fest" is on the collaboration's record)
        expect(first.hasNextPage).toBe(true);
        expect(first.items.map((r) => r.changes[0].after)).toEqual(['v4', 'v3']);
        const next = await store.history('kita', { first: 10, after: encodeCursor([String(first.items[1].seq), '']) });
        expect(next.items.map((r) => r.operation)).toEqual(['UPDATE', 'UPDATE', 'CREATE']);
        expect(next.hasNextPage).toBe(false);
      });

      test('a failed write records nothing', async () => {
        const before = await allHistory(store, 'kita');
        await expect(store.updateActor('kita', { name: 'X' }, 99, ALICE)).rejects.toMatchObject({ code: 'CONFLICT' });
        await expect(store.setActorInterests('kita', [{ topicId: 'nope' }], ALICE)).rejects.toMatchObject({
          code: 'NOT_FOUND',
        });
        expect(await allHistory(store, 'kita')).toEqual(before);
        expect(await store.removeParticipant('konferenz', 'kita', ALICE)).toBe(false);
        expect(await allHistory(store, 'kita')).toEqual(before);
      });

      test('interests, participations (on both ends), an undo marker, topics and collaborations are recorded', async () => {
        await store.setActorInterests('kita', [{ topicId: 'jugend', weight: 0.7 }], ALICE);
        await store.addParticipant('konferenz', 'kita', 'PARTICIPANT', ALICE);
        await store.addParticipant('konferenz', 'kita', 'HOST', ALICE);
        await store.removeParticipant('konferenz', 'kita', ALICE);
        const updated = await store.updateActor('kita', { district: 'Batenbrock' }, null, {
          author: 'carol',
          undoes: 7,
        });
        expect(updated.district).toBe('Batenbrock');

        const kita = await allHistory(store, 'kita');
        expect(kita.slice(0, 5).map((r) => [r.operation, r.changes])).toEqual([
          ['UNDO', [{ field: 'district', before: null, after: 'Batenbrock' }]],
          ['REMOVE_PARTICIPANT', [{ field: 'participation:konferenz', before: 'HOST', after: null }]],
          ['ADD_PARTICIPANT', [{ field: 'participation:konferenz', before: 'PARTICIPANT', after: 'HOST' }]],
          ['ADD_PARTICIPANT', [{ field: 'participation:konferenz', before: null, after: 'PARTICIPANT' }]],
          ['SET_INTERESTS', [{ field: 'interests', before: [], after: [{ topicId: 'jugend', weight: 0.7 }] }]],
        ]);
        expect(kita[0].undoes).toBe(7);
        const konferenz = await allHistory(store, 'konferenz');
        expect(konferenz.slice(0, 3).map((r) => r.changes[0].field)).toEqual([
          'participant:kita',
          'participant:kita',
          'participant:kita',
        ]);
        expect(konferenz[konferenz.length - 1].changes).toContainEqual({
          field: 'participants',
          before: null,
          after: [
            { actorId: 'bobbie', role: 'HOST' },
            { actorId: 'bobbie3', role: 'MEMBER' },
          ],
        });

        await store.updateCollaboration(
          'konferenz',
          { title: 'Konferenz 2022', topicIds: ['jugend'] },
          undefined,
          ALICE,
        );
        await store.updateTopic('kultur', { name: 'Kultur und Kunst' }, ALICE);
        await store.deleteTopic('kultur', ALICE);
        await store.deleteCollaboration('garten-ag', ALICE);
        expect((await allHistory(store, 'konferenz'))[0].changes).toEqual([
          { field: 'title', before: 'Stadtteilkonferenz', after: 'Konferenz 2022' },
          { field: 'topicIds', before: [], after: ['jugend'] },
        ]);
        expect((await allHistory(store, 'kultur')).map((r) => [r.operation, r.changes[0]])).toEqual([
          ['DELETE', { field: 'name', before: 'Kultur und Kunst', after: null }],
          ['UPDATE', { field: 'name', before: 'Kultur', after: 'Kultur und Kunst' }],
          ['CREATE', { field: 'name', before: null, after: 'Kultur' }],
        ]);
        const [deleted] = await allHistory(store, 'garten-ag');
        expect(deleted.operation).toBe('DELETE');
        expect(deleted.changes).toContainEqual({
          field: 'participants',
          before: [
            { actorId: 'bobbie2', role: 'MEMBER' },
            { actorId: 'bobbie3', role: 'FUNDER' },
          ],
          after: null,
        });
      });

      test('a bulk import is one IMPORT record on "network"', async () => {
        await store.mergeGraph({ topics: [{ id: 'sport', name: 'Sport' }], actors: [], collaborations: [] }, ALICE);
        const [record] = await allHistory(store, 'network');
        expect(record).toMatchObject({ operation: 'IMPORT', entityType: 'Network', author: 'alice@quartier' });
        expect(record.changes).toContainEqual({ field: 'topicsCreated', before: null, after: 1 });
      });
    });
  });
}
