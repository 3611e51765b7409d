/**
 * Suggestion feedback through the whole request pipeline on the Batenbrock seed: a dismissed actor
 * leaves the list of the actor it was suggested to (only that one), INTRODUCED keeps it, errors are
 * coded, and the dismissal survives a restart of the service on the same store.
 */
import { batenbrock } from '../../../seed/batenbrock';
import { NetworkService } from '../../src/service/network-service';
import { errorCodes, useSeededApi, type TestApi } from '../support/api';
import type { StoreHarness } from '../support/stores';

const SUGGEST = `query($id: ID!) { suggestContacts(actorId: $id, first: 20) { actor { id } } }`;
const GIVE = `mutation($actorId: ID!, $suggestedId: ID!, $verdict: SuggestionVerdict!, $note: String) {
  giveSuggestionFeedback(actorId: $actorId, suggestedId: $suggestedId, verdict: $verdict, note: $note) {
    verdict note author at actor { id } suggested { id }
  }
}`;
const FEEDBACK = `query($a: ID!, $b: ID!) {
  a: actor(id: $a) { suggestionFeedback { verdict note suggested { id } } }
  b: actor(id: $b) { suggestionFeedback { verdict note suggested { id } } }
}`;

export function describeFeedback(label: string, harness: StoreHarness): void {
  describe(`suggestion feedback on the Batenbrock seed (${label})`, () => {
    let api: TestApi;
    const suggested = async (id: string): Promise<string[]> =>
      (await api.data<{ suggestContacts: Array<{ actor: { id: string } }> }>(SUGGEST, { id })).suggestContacts.map(
        (s) => s.actor.id,
      );

    useSeededApi(harness, batenbrock, (started) => (api = started), 'test');

    test('NOT_USEFUL removes the actor from that list only; INTRODUCED keeps or brings it back; survives a restart', async () => {
      const before = await suggested('bobbie-ev');
      expect(before.length).toBeGreaterThan(2);
      const [x, y] = before;

      const given = await api.data(GIVE, {
        actorId: 'bobbie-ev',
        suggestedId: x,
        verdict: 'NOT_USEFUL',
        note: 'kein Bedarf',
      });
      expect(given.giveSuggestionFeedback).toMatchObject({
        verdict: 'NOT_USEFUL',
        note: 'kein Bedarf',
        author: 'key:test-admin',
        actor: { id: 'bobbie-ev' },
        suggested: { id: x },
      });
      const after = await suggested('bobbie-ev');
      expect(after).not.toContain(x);
      expect(after).toEqual(before.filter((id) => id !== x));
      // One direction: bobbie-ev is still suggested to x if it was before.
      const forX = await suggested(x!);
      expect(forX).toContain('bobbie-ev');

      await api.data(GIVE, { actorId: 'bobbie-ev', suggestedId: y, verdict: 'INTRODUCED' });
      expect(await suggested('bobbie-ev')).toContain(y);

      // A new service on the same store loads the dismissal.
      const restarted = await NetworkService.start(api.store);
      const ids = (await restarted.suggestions.suggest('bobbie-ev', { first: 20 })).map((s) => s.actorId);
      expect(ids).toEqual(after);
      await restarted.drain();

      // INTRODUCED after NOT_USEFUL allows the pair again.
      await api.data(GIVE, { actorId: 'bobbie-ev', suggestedId: x, verdict: 'INTRODUCED' });
      expect(await suggested('bobbie-ev')).toEqual(before);

      const listed = await api.data(FEEDBACK, { a: 'bobbie-ev', b: x });
      expect(listed.a.suggestionFeedback).toEqual([
        { verdict: 'INTRODUCED', note: null, suggested: { id: x } },
        { verdict: 'INTRODUCED', note: null, suggested: { id: y } },
        { verdict: 'NOT_USEFUL', note: 'kein Bedarf', suggested: { id: x } },
      ]);
      expect(listed.b.suggestionFeedback).toEqual([]);
    });

    test('errors are coded and change nothing', async () => {
      expect(
        errorCodes(await api.run(GIVE, { actorId: 'nobody', suggestedId: 'bobbie-ev', verdict: 'NOT_USEFUL' })),
      ).toEqual(['NOT_FOUND']);
      expect(
        errorCodes(await api.run(GIVE, { actorId: 'bobbie-ev', suggestedId: 'nobody', verdict: 'NOT_USEFUL' })),
      ).toEqual(['NOT_FOUND']);
      expect(
        errorCodes(await api.run(GIVE, { actorId: 'bobbie-ev', suggestedId: 'bobbie-ev', verdict: 'NOT_USEFUL' })),
      ).toEqual(['BAD_USER_INPUT']);
      expect(
        errorCodes(
          await api.run(GIVE, {
            actorId: 'bobbie-ev',
            suggestedId: 'repair-cafe-batenbrock',
            verdict: 'NOT_USEFUL',
            note: 'x'.repeat(2001),
          }),
        ),
      ).toEqual(['BAD_USER_INPUT']);
      expect(
        errorCodes(
          await api.run(GIVE, { actorId: 'bobbie-ev', suggestedId: 'repair-cafe-batenbrock', verdict: 'MAYBE' }),
        ).length,
      ).toBe(1);
      expect(await api.store.suggestionFeedback(['bobbie-ev'])).toEqual([[]]);
    });

    test('merging a duplicate keeps its dismissals: the pair stays dismissed for the kept actor', async () => {
      const before = await suggested('bobbie-ev');
      const [x] = before;
      await api.data(
        `mutation { createActor(input: { id: "bobbie-duplikat", name: "Bobbie e. V.", kind: ASSOCIATION }) { id } }`,
      );
      await api.data(GIVE, {
        actorId: 'bobbie-duplikat',
        suggestedId: x,
        verdict: 'NOT_USEFUL',
        note: 'am Duplikat abgelehnt',
      });
      expect(await suggested('bobbie-ev')).toContain(x);
      await api.data(`mutation { mergeActors(keepId: "bobbie-ev", mergeIds: ["bobbie-duplikat"]) { id } }`);
      expect(await suggested('bobbie-ev')).toEqual(before.filter((id) => id !== x));
      const listed = await api.data(FEEDBACK, { a: 'bobbie-ev', b: x });
      expect(listed.a.suggestionFeedback).toEqual([
        { verdict: 'NOT_USEFUL', note: 'am Duplikat abgelehnt', suggested: { id: x } },
      ]);
    });

    test('suggestionFeedbackSummary counts the verdicts, their share and the pairs by their latest verdict', async () => {
      const SUMMARY = `{ suggestionFeedbackSummary { introduced notUseful introducedShare pairsIntroduced pairsDismissed
        months { month introduced notUseful introducedShare } } }`;
      expect((await api.data(SUMMARY)).suggestionFeedbackSummary).toEqual({
        introduced: 0,
        notUseful: 0,
        introducedShare: null,
        pairsIntroduced: 0,
        pairsDismissed: 0,
        months: [],
      });
      const [x, y, z] = await suggested('bobbie-ev');
      await api.data(GIVE, { actorId: 'bobbie-ev', suggestedId: x, verdict: 'NOT_USEFUL' });
      await api.data(GIVE, { actorId: 'bobbie-ev', suggestedId: y, verdict: 'NOT_USEFUL' });
      await api.data(GIVE, { actorId: 'bobbie-ev', suggestedId: y, verdict: 'INTRODUCED' });
      const other = z === 'kita-sonnenblume' ? 'stadt-bottrop' : 'kita-sonnenblume';
      const last = await api.data(GIVE, { actorId: other, suggestedId: z, verdict: 'INTRODUCED' });
      const month = last.giveSuggestionFeedback.at.slice(0, 7);
      const { suggestionFeedbackSummary: summary } = await api.data(SUMMARY);
      expect(summary).toEqual({
        introduced: 2,
        notUseful: 2,
        introducedShare: 0.5,
        pairsIntroduced: 2,
        pairsDismissed: 1,
        months: [{ month, introduced: 2, notUseful: 2, introducedShare: 0.5 }],
      });
    });
  });
}
