/**
 * Contact suggestions through the whole request pipeline on the Batenbrock seed, on every store.
 * Expectations are checked against the seed data itself: a suggestion is never a partner or the
 * actor itself, shared topics are really both actors' topics, mutual collaborators really work with
 * both, through the collaborations named.
 */
import { batenbrock } from '../../../seed/batenbrock';
import { generateNetwork } from '../../../seed/generate';
import { errorCodes, startTestApi, useSeededApi, type TestApi } from '../support/api';
import { countingStore } from '../support/counting-store';
import type { StoreHarness } from '../support/stores';
import { forgetKeptWalks, keptWalksOf } from '../../src/features/suggestions/kept-walks';
import * as suggest from '../../src/features/suggestions/suggest';

const collaborations = batenbrock.collaborations;
const membersOf = (collaborationId: string) =>
  collaborations.find((c) => c.id === collaborationId)!.participants!.map((p) => p.actorId);
const collaborationsOf = (actorId: string) =>
  collaborations.filter((c) => c.participants!.some((p) => p.actorId === actorId));

function partnersOf(actorId: string): Set<string> {
  return new Set(
    collaborationsOf(actorId)
      .flatMap((c) => c.participants!.map((p) => p.actorId))
      .filter((a) => a !== actorId),
  );
}

/** Interests and the topics of the actor's collaborations. */
function topicsOf(actorId: string): Set<string> {
  const actor = batenbrock.actors.find((a) => a.id === actorId)!;
  return new Set([
    ...(actor.interests ?? []).map((i) => i.topicId),
    ...collaborationsOf(actorId).flatMap((c) => c.topicIds ?? []),
  ]);
}

const topicName = (id: string) => batenbrock.topics.find((t) => t.id === id)!.name;
const actorName = (id: string) => batenbrock.actors.find((a) => a.id === id)!.name;
const kindOf = (id: string) => batenbrock.actors.find((a) => a.id === id)!.kind;

const WORKING_GROUP = membersOf('arbeitsgruppe-stadtteilakteurinnen');

const SUGGEST = `query($id: ID!, $first: Int, $topicIds: [ID!], $kinds: [ActorKind!], $minScore: Float) {
  suggestContacts(actorId: $id, first: $first, topicIds: $topicIds, kinds: $kinds, minScore: $minScore) {
    actor { id name kind }
    score
    parts { name label value contribution }
    sharedTopics { weight topic { id name } }
    mutualCollaborators { actor { id name } withActor { id title } withSuggested { id title } }
    explanation
  }
}`;

interface Suggestion {
  actor: { id: string; name: string; kind: string };
  score: number;
  parts: Array<{ name: string; label: string; value: number; contribution: number }>;
  sharedTopics: Array<{ weight: number; topic: { id: string; name: string } }>;
  mutualCollaborators: Array<{
    actor: { id: string; name: string };
    withActor: Array<{ id: string }>;
    withSuggested: Array<{ id: string }>;
  }>;
  explanation: string;
}

export function describeSuggestions(label: string, harness: StoreHarness): void {
  describe(`contact suggestions on the Batenbrock seed (${label})`, () => {
    let api: TestApi;

    useSeededApi(harness, batenbrock, (started) => (api = started));

    async function suggest(id: string, variables: Record<string, unknown> = {}): Promise<Suggestion[]> {
      return (await api.data<{ suggestContacts: Suggestion[] }>(SUGGEST, { id, ...variables })).suggestContacts;
    }

    /** Everything a suggestion claims is true of the seed. */
    function expectTruthful(forId: string, s: Suggestion): void {
      expect(s.actor.id).not.toBe(forId);
      expect(partnersOf(forId).has(s.actor.id)).toBe(false);
      expect(s.parts.reduce((sum, p) => sum + p.contribution, 0)).toBeCloseTo(s.score, 9);
      for (const p of s.parts) expect(p.label.length).toBeGreaterThan(0);
      const both = [...topicsOf(forId)].filter((t) => topicsOf(s.actor.id).has(t));
      expect(s.sharedTopics.map((t) => t.topic.id).sort()).toEqual(both.sort());
      for (const t of s.sharedTopics) expect(t.weight).toBeGreaterThanOrEqual(0);
      for (const m of s.mutualCollaborators) {
        expect(partnersOf(forId).has(m.actor.id)).toBe(true);
        expect(partnersOf(s.actor.id).has(m.actor.id)).toBe(true);
        expect(m.withActor.length).toBeGreaterThan(0);
        expect(m.withSuggested.length).toBeGreaterThan(0);
        for (const c of m.withActor) expect(membersOf(c.id)).toEqual(expect.arrayContaining([forId, m.actor.id]));
        for (const c of m.withSuggested)
          expect(membersOf(c.id)).toEqual(expect.arrayContaining([s.actor.id, m.actor.id]));
      }
      const mutual = [...partnersOf(forId)].filter((m) => partnersOf(s.actor.id).has(m));
      expect(s.mutualCollaborators.length).toBe(Math.min(10, mutual.length));
      // The sentence names the rarest shared topic and the first mutual collaborator.
      const top = s.sharedTopics.find((t) => t.weight > 0);
      if (top) expect(s.explanation).toContain(top.topic.name);
      if (s.mutualCollaborators[0]) expect(s.explanation).toContain(s.mutualCollaborators[0].actor.name);
      expect(s.explanation).toMatch(/^\S.*\.$/);
    }

    test('Bobbie e.V. gets a suggestion for every actor it does not work with yet, best first, each with true reasons', async () => {
      const list = await suggest('bobbie-ev');
      // 31 actors: Bobbie, its 21 partners and 9 others.
      expect(list).toHaveLength(batenbrock.actors.length - 1 - partnersOf('bobbie-ev').size);
      expect(list).toHaveLength(9);
      for (let i = 1; i < list.length; i++) expect(list[i - 1].score).toBeGreaterThanOrEqual(list[i].score);
      for (const s of list) expectTruthful('bobbie-ev', s);
      // The reasons a quarter manager reads: topics and partners both show up in the top five.
      expect(list.slice(0, 5).some((s) => s.sharedTopics.some((t) => t.weight > 0))).toBe(true);
      expect(list.slice(0, 5).every((s) => s.mutualCollaborators.length > 0)).toBe(true);
      // Bobbie's best suggestion shares ten partners; they added most, so they come first.
      expect(list[0].explanation).toMatch(
        /^Gemeinsame Partner: .+ und 8 weitere Partner; beide arbeiten zu(m Thema| den Themen) /,
      );
    });

    test('explanations: the reason that added most first, German plurals for 0, 1 and many more partners', async () => {
      const seen = new Set<string>();
      for (const actor of batenbrock.actors) {
        for (const s of await suggest(actor.id, { first: 30 })) {
          const n = s.mutualCollaborators.length;
          if (n === 10) continue; // more may exist than are listed
          const partnerPart = s.parts
            .filter((p) =>
              ['katz', 'resourceAllocation', 'adamicAdar', 'commonNeighbours', 'randomWalk'].includes(p.name),
            )
            .reduce((x, p) => x + p.contribution, 0);
          const topicPart = s.parts.filter((p) => p.name === 'topics').reduce((x, p) => x + p.contribution, 0);
          const hasTopics = s.sharedTopics.some((t) => t.weight > 0);
          if (n === 0) expect(s.explanation).not.toMatch(/emeinsame[r]? Partner:/);
          if (n === 1) expect(s.explanation).toMatch(/emeinsamer Partner: [^;]+(;|\.$)/);
          if (n >= 1 && n <= 2) expect(s.explanation).not.toContain('weitere');
          if (n === 3) expect(s.explanation).toContain(' und 1 weiterer Partner');
          if (n > 3) expect(s.explanation).toContain(` und ${n - 2} weitere Partner`);
          if (n > 0 && hasTopics) {
            const first =
              partnerPart >= topicPart ? /^Gemeinsame[r]? Partner: / : /^Beide arbeiten zu(m Thema| den Themen) /;
            expect({ explanation: s.explanation, partnerPart, topicPart }).toEqual(
              expect.objectContaining({ explanation: expect.stringMatching(first) }),
            );
          }
          seen.add(n === 0 ? 'none' : n === 1 ? 'one' : n === 3 ? 'one more' : n > 3 ? 'many more' : 'two');
        }
      }
      expect([...seen].sort()).toEqual(expect.arrayContaining(['many more', 'none', 'one', 'one more']));
    });

    test('the serving suggestion model and why: the seed is too short a history to fit on, so the default serves', async () => {
      const { suggestionModel } = await api.data(
        `{ suggestionModel { source name fitting fittedAt reason cutoff fitQueries heldOut { queries fitted default katz } fittedOnActors terms { signal label weight scale cap } } }`,
      );
      expect(suggestionModel).toMatchObject({
        source: 'DEFAULT',
        name: 'default',
        fitting: false,
        heldOut: null,
        fittedOnActors: batenbrock.actors.length,
      });
      expect(suggestionModel.reason).toMatch(/^history too short/);
      expect(new Date(suggestionModel.fittedAt).getTime()).toBeLessThanOrEqual(Date.now());
      expect(suggestionModel.terms.map((t: { signal: string }) => t.signal)).toEqual([
        'randomWalk',
        'topics',
        'activity',
      ]);
      const activity = suggestionModel.terms.find((t: { signal: string }) => t.signal === 'activity');
      expect(activity.cap).toBeGreaterThan(0);
    });

    test('the Bürgerhaus and every member of the working group get suggestions with reasons', async () => {
      for (const id of ['burgerhaus-batenbrock', ...WORKING_GROUP]) {
        const list = await suggest(id, { first: 5 });
        expect({ id, count: list.length }).toEqual({ id, count: 5 });
        for (const s of list) expectTruthful(id, s);
      }
    });

    test('the newcomer Repair-Café (topics only, no ties) gets suggestions sharing its topics', async () => {
      expect(partnersOf('repair-cafe-batenbrock').size).toBe(0);
      const list = await suggest('repair-cafe-batenbrock');
      expect(list).toHaveLength(10);
      for (const s of list) expectTruthful('repair-cafe-batenbrock', s);
      expect(list[0].sharedTopics.length).toBeGreaterThan(0);
      expect(list.every((s) => s.mutualCollaborators.length === 0)).toBe(true);
      expect(list[0].explanation).toMatch(/Beide arbeiten zu(m Thema| den Themen) /);
    });

    test('filters: kinds, topics, minimum score, first', async () => {
      const associations = await suggest('bobbie-ev', { kinds: ['ASSOCIATION', 'INITIATIVE'] });
      expect(associations.length).toBeGreaterThan(0);
      for (const s of associations) expect(['ASSOCIATION', 'INITIATIVE']).toContain(kindOf(s.actor.id));

      const youth = await suggest('bobbie-ev', { topicIds: ['jugend', 'sport'] });
      expect(youth.length).toBeGreaterThan(0);
      for (const s of youth) expect(topicsOf(s.actor.id).has('jugend') || topicsOf(s.actor.id).has('sport')).toBe(true);

      const all = await suggest('bobbie-ev', { first: 100 });
      const threshold = all[3].score;
      const strong = await suggest('bobbie-ev', { first: 100, minScore: threshold });
      expect(strong.map((s) => s.actor.id)).toEqual(all.filter((s) => s.score >= threshold).map((s) => s.actor.id));

      expect(await suggest('bobbie-ev', { first: 3 })).toEqual(all.slice(0, 3));
      // Everybody not yet collaborated with is a candidate.
      const candidates = batenbrock.actors.filter((a) => a.id !== 'bobbie-ev' && !partnersOf('bobbie-ev').has(a.id));
      expect(all.map((s) => s.actor.id).sort()).toEqual(candidates.map((a) => a.id).sort());
    });

    test('answers are deterministic', async () => {
      expect(await suggest('kita-sonnenblume')).toEqual(await suggest('kita-sonnenblume'));
    });

    test('NOT_FOUND for unknown actors and topics; BAD_USER_INPUT for first outside 1–100', async () => {
      expect(errorCodes(await api.run(SUGGEST, { id: 'gibt-es-nicht' }))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await api.run(SUGGEST, { id: 'bobbie-ev', topicIds: ['gibt-es-nicht'] }))).toEqual([
        'NOT_FOUND',
      ]);
      for (const first of [0, 101, -1]) {
        const response = await api.run(SUGGEST, { id: 'bobbie-ev', first });
        expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
        expect(response.errors![0].extensions!.field).toBe('first');
      }
      expect(errorCodes(await api.run(`{ similarActors(actorId: "gibt-es-nicht") { score } }`))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await api.run(`{ similarActors(actorId: "bobbie-ev", first: 500) { score } }`))).toEqual([
        'BAD_USER_INPUT',
      ]);
      expect(errorCodes(await api.run(`{ matchActors(topicIds: ["gibt-es-nicht"]) { score } }`))).toEqual([
        'NOT_FOUND',
      ]);
      expect(errorCodes(await api.run(`{ matchActors(topicIds: []) { score } }`))).toEqual(['BAD_USER_INPUT']);
    });

    test('matchActors: who works on youth and sport?', async () => {
      const { matchActors } = await api.data(`{ matchActors(topicIds: ["jugend", "sport"], first: 100) {
        actor { id } score sharedTopics { weight topic { id } } } }`);
      const expected = batenbrock.actors
        .filter((a) => topicsOf(a.id).has('jugend') || topicsOf(a.id).has('sport'))
        .map((a) => a.id);
      expect(matchActors.map((m: any) => m.actor.id).sort()).toEqual(expected.sort());
      for (let i = 1; i < matchActors.length; i++)
        expect(matchActors[i - 1].score).toBeGreaterThanOrEqual(matchActors[i].score);
      for (const m of matchActors) {
        expect(m.sharedTopics.length).toBeGreaterThan(0);
        for (const t of m.sharedTopics) expect(['jugend', 'sport']).toContain(t.topic.id);
      }
    });

    test('similarActors: nearest by topics alone, collaborators included, never itself', async () => {
      const { similarActors } = await api.data(`{ similarActors(actorId: "bobbie-ev", first: 100) {
        actor { id } score sharedTopics { weight topic { name } } } }`);
      const ids = similarActors.map((m: any) => m.actor.id);
      expect(ids).not.toContain('bobbie-ev');
      const sharing = batenbrock.actors.filter(
        (a) => a.id !== 'bobbie-ev' && [...topicsOf(a.id)].some((t) => topicsOf('bobbie-ev').has(t)),
      );
      expect(ids.sort()).toEqual(sharing.map((a) => a.id).sort());
      expect(ids.some((id: string) => partnersOf('bobbie-ev').has(id))).toBe(true);
      expect(similarActors[0].score).toBeGreaterThan(0);
      for (let i = 1; i < similarActors.length; i++)
        expect(similarActors[i - 1].score).toBeGreaterThanOrEqual(similarActors[i].score);
      // Bobbie's closest by topics is a gardener or an environmental group.
      const top = similarActors[0].sharedTopics.map((t: any) => t.topic.name);
      expect(top.some((name: string) => [topicName('gemeinschaftsgarten'), topicName('umwelt')].includes(name))).toBe(
        true,
      );
    });

    test('a new collaboration is seen by the next request: the partner leaves the suggestions', async () => {
      const own = await startTestApi(await harness.fresh(), batenbrock);
      try {
        const [first] = (await own.data<{ suggestContacts: Suggestion[] }>(SUGGEST, { id: 'bobbie-ev' }))
          .suggestContacts;
        await own.data(`mutation($input: CreateCollaborationInput!) { createCollaboration(input: $input) { id } }`, {
          input: {
            id: 'kennenlernen',
            title: `Kennenlernen ${actorName(first.actor.id)}`,
            kind: 'MEETING',
            participants: [
              { actorId: 'bobbie-ev', role: 'ORGANISER' },
              { actorId: first.actor.id, role: 'PARTICIPANT' },
            ],
          },
        });
        const after = (await own.data<{ suggestContacts: Suggestion[] }>(SUGGEST, { id: 'bobbie-ev' })).suggestContacts;
        expect(after.map((s) => s.actor.id)).not.toContain(first.actor.id);
      } finally {
        await own.stop();
        api = await startTestApi(await harness.fresh(), batenbrock);
      }
    });
  });

  describe(`a hub's kept walk (${label})`, () => {
    beforeAll(() => harness.setup());
    afterAll(() => harness.teardown());

    test('a hub answers the same before its walk is kept, from the kept walk, with dismissed pairs and after a write', async () => {
      const data = generateNetwork({ actors: 600, hubs: 2, seed: 5 });
      const api = await startTestApi(await harness.fresh(), data);
      try {
        const hub = 'a000000';
        const { suggestions } = api.service;
        const ask = async (variables: Record<string, unknown>) =>
          JSON.stringify(await api.data(SUGGEST, { id: hub, ...variables }));
        /** The answer before the hub's walk is kept (as after a write), and the answer from the kept walk. */
        const coldAndWarm = async (variables: Record<string, unknown>) => {
          const index = await suggestions.index();
          await suggestions.keeper.idle();
          forgetKeptWalks(index);
          const cold = await ask(variables);
          expect(suggest.lastWalk).toBe('walked');
          await suggestions.keeper.idle();
          expect(keptWalksOf(index).has(index.graph.index.get(hub)!)).toBe(true);
          const warm = await ask(variables);
          expect(suggest.lastWalk).toBe('kept');
          return { cold, warm };
        };
        const top = (await api.data<{ suggestContacts: Suggestion[] }>(SUGGEST, { id: hub, first: 100 }))
          .suggestContacts;
        expect(top).toHaveLength(100);
        const shapes: Array<Record<string, unknown>> = [
          {},
          { first: 1 },
          { first: 100 },
          { first: 37, minScore: top[20].score },
          { first: 100, minScore: top[99].score + 1e-9 },
          { kinds: [top[3].actor.kind], first: 30 },
          { topicIds: [data.topics![0].id, data.topics![5].id], first: 50 },
          { topicIds: [data.topics![2].id], kinds: ['ASSOCIATION', 'GROUP'], first: 20, minScore: top[50].score },
        ];
        const before: string[] = [];
        for (const shape of shapes) {
          const { cold, warm } = await coldAndWarm(shape);
          expect(warm).toBe(cold);
          before.push(cold);
        }
        // Filters change the answers (the shapes test something), and the kept walk serves them all.
        expect(new Set(before).size).toBe(shapes.length);

        // Dismissed pairs: excluded from the kept walk's lists as from a walk's.
        for (const s of top.slice(0, 3))
          await api.data(
            `mutation($a: ID!, $b: ID!) { giveSuggestionFeedback(actorId: $a, suggestedId: $b, verdict: NOT_USEFUL) { verdict } }`,
            { a: hub, b: s.actor.id },
          );
        for (const shape of shapes.slice(0, 4)) {
          const { cold, warm } = await coldAndWarm(shape);
          expect(warm).toBe(cold);
          expect(cold).not.toContain(`"id":"${top[0].actor.id}"`);
        }

        // A write: a new index, nothing kept on it; the same again on it.
        const kept = await suggestions.index();
        await api.data(`mutation($input: CreateCollaborationInput!) { createCollaboration(input: $input) { id } }`, {
          input: {
            title: 'Neues Treffen',
            kind: 'MEETING',
            participants: [
              { actorId: hub, role: 'ORGANISER' },
              { actorId: top[10].actor.id, role: 'PARTICIPANT' },
            ],
          },
        });
        const after = await ask({});
        expect(suggest.lastWalk).toBe('walked');
        expect(await suggestions.index()).not.toBe(kept);
        expect(after).not.toContain(`"id":"${top[10].actor.id}"`);
        for (const shape of shapes) {
          const { cold, warm } = await coldAndWarm(shape);
          expect(warm).toBe(cold);
        }
      } finally {
        await api.stop();
      }
    });
  });

  describe(`store calls per suggestion request (${label})`, () => {
    beforeAll(() => harness.setup());
    afterAll(() => harness.teardown());

    test('the full suggestion query makes two store calls, for 50 suggestions as for 3', async () => {
      const counting = countingStore(await harness.fresh());
      const api = await startTestApi(counting.store, generateNetwork({ actors: 400, seed: 3 }));
      try {
        const calls = async (first: number) => {
          counting.reset();
          const { suggestContacts } = await api.data<{ suggestContacts: Suggestion[] }>(SUGGEST, {
            id: 'a000001',
            first,
          });
          expect(suggestContacts).toHaveLength(first);
          // Names and titles were asked of mutual collaborators, so the records were read ahead.
          expect(suggestContacts.some((s) => s.mutualCollaborators.length > 0)).toBe(true);
          return Object.fromEntries(counting.calls);
        };
        // The dismissed pairs (read per request), then every record the answer names in one read.
        const expected = { dismissedSuggestionsOf: 1, getRecords: 1 };
        expect(await calls(3)).toEqual(expected);
        expect(await calls(50)).toEqual(expected);
      } finally {
        await api.stop();
      }
    });
  });
}
