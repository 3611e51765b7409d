/**
 * The NetworkStore contract for suggestion feedback (recordSuggestionFeedback, suggestionFeedback,
 * dismissedSuggestionsOf), run against every store like the NetworkStore contract (network-store/).
 */
import type { NetworkStore } from '../../src/store/network-store';
import type { StoreHarness } from '../support/stores';

async function fixture(store: NetworkStore): Promise<void> {
  await store.createActor({ id: 'bobbie', name: 'Bobbie e.V.', kind: 'ASSOCIATION' });
  await store.createActor({ id: 'kita', name: 'Kita Sonnenblume', kind: 'INSTITUTION' });
  await store.createActor({ id: 'tafel', name: 'Tafel', kind: 'INITIATIVE' });
}

/** The dismissed pairs of these actors, as dismissedSuggestionsOf answers them one actor at a time. */
async function dismissedPairs(
  store: NetworkStore,
  actorIds = ['bobbie', 'bobbie2', 'kita', 'nobody', 'tafel'],
): Promise<Array<{ actorId: string; suggestedId: string }>> {
  const lists = await Promise.all(actorIds.map((actorId) => store.dismissedSuggestionsOf(actorId)));
  return actorIds.flatMap((actorId, i) => lists[i].map((suggestedId) => ({ actorId, suggestedId })));
}

export function describeFeedbackContract(label: string, harness: StoreHarness): void {
  describe(`NetworkStore contract: suggestion feedback (${label})`, () => {
    let store: NetworkStore;

    beforeAll(() => harness.setup());
    afterAll(() => harness.teardown());
    beforeEach(async () => {
      store = await harness.fresh();
      await fixture(store);
    });

    test('records a verdict and answers it, with author and timestamp', async () => {
      const f = await store.recordSuggestionFeedback({
        actorId: 'bobbie',
        suggestedId: 'kita',
        verdict: 'INTRODUCED',
        note: 'Stadtteilfest',
        author: 'alice',
      });
      expect(f).toEqual({
        actorId: 'bobbie',
        suggestedId: 'kita',
        verdict: 'INTRODUCED',
        note: 'Stadtteilfest',
        author: 'alice',
        at: expect.any(String),
      });
      expect(Number.isNaN(Date.parse(f.at))).toBe(false);
      const [list] = await store.suggestionFeedback(['bobbie']);
      expect(list).toEqual([f]);
    });

    test('author defaults to "system", an empty note is null', async () => {
      const f = await store.recordSuggestionFeedback({
        actorId: 'bobbie',
        suggestedId: 'kita',
        verdict: 'NOT_USEFUL',
        note: '  ',
      });
      expect(f.author).toBe('system');
      expect(f.note).toBeNull();
      expect((await store.suggestionFeedback(['bobbie']))[0]![0]).toMatchObject({ author: 'system', note: null });
    });

    test('batched: one list per key in key order, newest first, repeats and unknown keys allowed', async () => {
      await store.recordSuggestionFeedback({ actorId: 'bobbie', suggestedId: 'kita', verdict: 'NOT_USEFUL' });
      await store.recordSuggestionFeedback({ actorId: 'bobbie', suggestedId: 'tafel', verdict: 'INTRODUCED' });
      await store.recordSuggestionFeedback({ actorId: 'kita', suggestedId: 'bobbie', verdict: 'INTRODUCED' });
      const lists = await store.suggestionFeedback(['kita', 'nobody', 'bobbie', 'kita', 'tafel']);
      expect(lists.map((l) => l.map((f) => `${f.actorId}>${f.suggestedId}:${f.verdict}`))).toEqual([
        ['kita>bobbie:INTRODUCED'],
        [],
        ['bobbie>tafel:INTRODUCED', 'bobbie>kita:NOT_USEFUL'],
        ['kita>bobbie:INTRODUCED'],
        [],
      ]);
      expect(await store.suggestionFeedback([])).toEqual([]);
    });

    test('dismissedSuggestionsOf: the actors whose latest verdict is NOT_USEFUL, one direction, ascending', async () => {
      expect(await dismissedPairs(store)).toEqual([]);
      await store.recordSuggestionFeedback({ actorId: 'bobbie', suggestedId: 'kita', verdict: 'NOT_USEFUL' });
      await store.recordSuggestionFeedback({ actorId: 'bobbie', suggestedId: 'tafel', verdict: 'NOT_USEFUL' });
      await store.recordSuggestionFeedback({ actorId: 'bobbie', suggestedId: 'tafel', verdict: 'INTRODUCED' });
      await store.recordSuggestionFeedback({ actorId: 'kita', suggestedId: 'tafel', verdict: 'INTRODUCED' });
      await store.recordSuggestionFeedback({ actorId: 'kita', suggestedId: 'tafel', verdict: 'NOT_USEFUL' });
      expect(await dismissedPairs(store)).toEqual([
        { actorId: 'bobbie', suggestedId: 'kita' },
        { actorId: 'kita', suggestedId: 'tafel' },
      ]);
      expect((await store.suggestionFeedback(['bobbie']))[0]).toHaveLength(3);
      await store.recordSuggestionFeedback({ actorId: 'bobbie', suggestedId: 'tafel', verdict: 'NOT_USEFUL' });
      expect(await store.dismissedSuggestionsOf('bobbie')).toEqual(['kita', 'tafel']);
      expect(await store.dismissedSuggestionsOf('nobody')).toEqual([]);
    });

    test('unknown actors: NOT_FOUND naming the field; the same actor twice: BAD_USER_INPUT; nothing stored', async () => {
      await expect(
        store.recordSuggestionFeedback({ actorId: 'nobody', suggestedId: 'kita', verdict: 'INTRODUCED' }),
      ).rejects.toMatchObject({
        code: 'NOT_FOUND',
        field: 'actorId',
      });
      await expect(
        store.recordSuggestionFeedback({ actorId: 'bobbie', suggestedId: 'nobody', verdict: 'INTRODUCED' }),
      ).rejects.toMatchObject({
        code: 'NOT_FOUND',
        field: 'suggestedId',
      });
      await expect(
        store.recordSuggestionFeedback({ actorId: 'bobbie', suggestedId: 'bobbie', verdict: 'NOT_USEFUL' }),
      ).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
      });
      expect(await store.suggestionFeedback(['bobbie', 'nobody'])).toEqual([[], []]);
      expect(await dismissedPairs(store)).toEqual([]);
    });

    test('mergeActors moves the merged actor’s feedback to the kept one, in its order; feedback between them is dropped', async () => {
      await store.createActor({ id: 'bobbie2', name: 'Bobbie eV', kind: 'ASSOCIATION' });
      const given = await store.recordSuggestionFeedback({
        actorId: 'bobbie2',
        suggestedId: 'kita',
        verdict: 'NOT_USEFUL',
        note: 'kennen sich',
        author: 'alice',
      });
      await store.recordSuggestionFeedback({ actorId: 'bobbie2', suggestedId: 'tafel', verdict: 'NOT_USEFUL' });
      await store.recordSuggestionFeedback({ actorId: 'bobbie', suggestedId: 'tafel', verdict: 'INTRODUCED' }); // later: counts
      await store.recordSuggestionFeedback({ actorId: 'kita', suggestedId: 'bobbie2', verdict: 'NOT_USEFUL' });
      await store.recordSuggestionFeedback({ actorId: 'bobbie', suggestedId: 'bobbie2', verdict: 'NOT_USEFUL' });
      await store.recordSuggestionFeedback({ actorId: 'bobbie2', suggestedId: 'bobbie', verdict: 'INTRODUCED' });

      await store.mergeActors('bobbie', ['bobbie2']);

      const [kept, kita, merged] = await store.suggestionFeedback(['bobbie', 'kita', 'bobbie2']);
      expect(kept.map((f) => `${f.actorId}>${f.suggestedId}:${f.verdict}`)).toEqual([
        'bobbie>tafel:INTRODUCED',
        'bobbie>tafel:NOT_USEFUL',
        'bobbie>kita:NOT_USEFUL',
      ]);
      expect(kept[2]).toEqual({ ...given, actorId: 'bobbie' }); // note, author and time kept
      expect(kita.map((f) => `${f.actorId}>${f.suggestedId}:${f.verdict}`)).toEqual(['kita>bobbie:NOT_USEFUL']);
      expect(merged).toEqual([]);
      expect(await dismissedPairs(store)).toEqual([
        { actorId: 'bobbie', suggestedId: 'kita' },
        { actorId: 'kita', suggestedId: 'bobbie' },
      ]);
    });

    test('deleting an actor deletes the feedback on both sides', async () => {
      await store.recordSuggestionFeedback({ actorId: 'bobbie', suggestedId: 'kita', verdict: 'NOT_USEFUL' });
      await store.recordSuggestionFeedback({ actorId: 'kita', suggestedId: 'tafel', verdict: 'NOT_USEFUL' });
      await store.deleteActor('kita');
      expect(await store.suggestionFeedback(['bobbie', 'kita'])).toEqual([[], []]);
      expect(await dismissedPairs(store)).toEqual([]);
    });
  });
}
