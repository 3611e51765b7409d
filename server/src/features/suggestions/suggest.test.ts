/**
 * Ranking, filters, fill-up, explanations and topic matches on a tiny hand-made network:
 *
 *   a ── b        c1, c6 {a, b}; c2 {a, c}; c3 {b, d}; c4 {c, d}; c5 {d, e} about t2
 *   │    │        e is a GROUP, the others ASSOCIATIONs; f (an INITIATIVE) has no ties, only topic t1
 *   c ── d ── e   interests: a {t0, t1}, d {t0, t1, t2}, e {t0, t2}, f {t1}
 */
import { plantedNetwork } from '../../../../seed/planted';
import { DomainError } from '../../domain/errors';
import type { ActorKind } from '../../domain/model';
import { NetworkProjection } from '../../graph/projection';
import { edgeIndex } from './csr';
import { activityPhrase, explainPair, explanationSentence, germanList, morePartners, onlyBySize } from './explain';
import { scoreOf, singleSignalModel, type ScoringModel } from './model';
import { suggestContacts } from './suggest';
import { buildSuggestionIndex, suggestionIndex } from './suggestion-index';
import { matchActors, similarActors } from './topic-match';
import { DEFAULT_MODEL } from './weights';

function network(): NetworkProjection {
  const kinds: Record<string, 'ASSOCIATION' | 'GROUP' | 'INITIATIVE'> = {
    a: 'ASSOCIATION',
    b: 'ASSOCIATION',
    c: 'ASSOCIATION',
    d: 'ASSOCIATION',
    e: 'GROUP',
    f: 'INITIATIVE',
  };
  return NetworkProjection.fromSnapshot({
    actors: Object.entries(kinds).map(([id, kind]) => ({ id, kind })),
    topics: [{ id: 't0' }, { id: 't1' }, { id: 't2' }],
    collaborations: ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'].map((id) => ({
      id,
      kind: 'MEETING' as const,
      startDate: null,
      endDate: null,
    })),
    participations: [
      ['a', 'c1'],
      ['b', 'c1'],
      ['a', 'c2'],
      ['c', 'c2'],
      ['b', 'c3'],
      ['d', 'c3'],
      ['c', 'c4'],
      ['d', 'c4'],
      ['d', 'c5'],
      ['e', 'c5'],
      ['a', 'c6'],
      ['b', 'c6'],
    ].map(([actorId, collaborationId]) => ({ actorId, collaborationId })),
    interests: [
      ['a', 't0'],
      ['a', 't1'],
      ['d', 't0'],
      ['d', 't1'],
      ['d', 't2'],
      ['e', 't0'],
      ['e', 't2'],
      ['f', 't1'],
    ].map(([actorId, topicId]) => ({ actorId, topicId })),
    about: [{ collaborationId: 'c5', topicId: 't2' }],
  });
}

const ids = (list: Array<{ actorId: string }>) => list.map((s) => s.actorId);

describe('suggestContacts on the projection', () => {
  const index = buildSuggestionIndex(network());
  const cn = singleSignalModel('commonNeighbours');

  test('never the actor itself or a partner; ranked by score, then filled up by activity', () => {
    // a's partners are b and c; d has 2 mutual partners, e and f none (filled up: e has 1 partner, f 0).
    expect(ids(suggestContacts(index, 'a', { first: 10, model: cn }))).toEqual(['d', 'e', 'f']);
    expect(ids(suggestContacts(index, 'a', { first: 1, model: cn }))).toEqual(['d']);
  });

  test('equal scores are broken by id', () => {
    // e's partner is d: b and c share d with e (1 each), a shares nothing.
    expect(ids(suggestContacts(index, 'e', { first: 10, model: cn }))).toEqual(['b', 'c', 'a', 'f']);
  });

  test('filters by kind, by topic and by minimum score', () => {
    expect(ids(suggestContacts(index, 'a', { first: 10, model: cn, kinds: ['GROUP'] }))).toEqual(['e']);
    expect(ids(suggestContacts(index, 'a', { first: 10, model: cn, topicIds: ['t2'] }))).toEqual(['d', 'e']);
    expect(ids(suggestContacts(index, 'a', { first: 10, model: cn, minScore: 1 }))).toEqual(['d']);
  });

  test('parts add up to the score', () => {
    for (const s of suggestContacts(index, 'a', { first: 10, model: DEFAULT_MODEL })) {
      expect(s.parts.map((p) => p.signal)).toEqual(DEFAULT_MODEL.terms.map((t) => t.signal));
      expect(s.parts.reduce((sum, p) => sum + p.contribution, 0)).toBeCloseTo(s.score, 12);
    }
  });

  test('a newcomer without ties gets the actors sharing its topics and the most active ones', () => {
    const list = suggestContacts(index, 'f', { first: 3, model: DEFAULT_MODEL });
    // a and d share t1 (a more closely: its vector is half t1); b is among the most active.
    expect(ids(list)).toEqual(['a', 'd', 'b']);
  });

  test('unknown actors and topics answer NOT_FOUND; first < 1 BAD_USER_INPUT', () => {
    expect(() => suggestContacts(index, 'nobody', { first: 5, model: cn })).toThrow(DomainError);
    expect(() => suggestContacts(index, 'nobody', { first: 5, model: cn })).toThrow(/Actor "nobody" does not exist/);
    expect(() => suggestContacts(index, 'a', { first: 5, model: cn, topicIds: ['t9'] })).toThrow(/Topic "t9"/);
    expect(() => suggestContacts(index, 'a', { first: 0, model: cn })).toThrow(/first/);
  });
});

describe('the index follows the projection', () => {
  test('a write is seen by the next suggestion (the index is rebuilt lazily)', () => {
    const projection = network();
    const before = suggestionIndex(projection);
    expect(suggestionIndex(projection)).toBe(before);
    expect(ids(suggestContacts(before, 'a', { first: 10, model: singleSignalModel('commonNeighbours') }))).toContain(
      'd',
    );
    projection.upsertCollaboration('c7', { kind: 'MEETING', startDate: null, endDate: null });
    projection.addParticipant('c7', 'a');
    projection.addParticipant('c7', 'd');
    const after = suggestionIndex(projection);
    expect(after).not.toBe(before);
    expect(ids(suggestContacts(after, 'a', { first: 10, model: singleSignalModel('commonNeighbours') }))).not.toContain(
      'd',
    );
  });
});

describe('explanations', () => {
  const index = buildSuggestionIndex(network());

  test('shared topics with IDF weights, mutual partners with the collaborations on each side', () => {
    const e = explainPair(index, 'a', 'd');
    // Actors with topics: a, d, e, f; t0: a, d, e; t1: a, d, f. Equal shares: by topic id.
    expect(e.sharedTopics.map((t) => [t.topicId, t.weight])).toEqual([
      ['t0', Math.log(4 / 3)],
      ['t1', Math.log(4 / 3)],
    ]);
    expect(e.mutualCollaborators).toEqual([
      { actorId: 'b', withActor: ['c1', 'c6'], withSuggested: ['c3'] },
      { actorId: 'c', withActor: ['c2'], withSuggested: ['c4'] },
    ]);
    expect(e.mutualCount).toBe(2);
  });

  test('one German sentence: topics, mutual partners with a collaboration on each side', () => {
    const e = explainPair(index, 'a', 'd');
    const parts = [
      { signal: 'commonNeighbours' as const, value: 2, contribution: 2 },
      { signal: 'topics' as const, value: 0.5, contribution: 0.1 },
    ];
    const names = {
      actor: (id: string) => id.toUpperCase(),
      topic: (id: string) => `Thema ${id}`,
      collaboration: (id: string) => `Treffen ${id}`,
    };
    // The partners added most: they come first.
    expect(explanationSentence(parts, e, 'd', names)).toBe(
      'Gemeinsame Partner: B (Treffen c1 / Treffen c3), C (Treffen c2 / Treffen c4); beide arbeiten zu den Themen Thema t0 und Thema t1.',
    );
    // The topics added most: they come first.
    const topicsFirst = [parts[0], { ...parts[1], contribution: 3 }];
    expect(explanationSentence(topicsFirst, e, 'd', names)).toMatch(
      /^Beide arbeiten zu den Themen Thema t0 und Thema t1; gemeinsame Partner: B/,
    );
  });

  test('more mutual partners than shown: German plural for 1 and for many, nothing for 0', () => {
    expect(morePartners(0)).toBe('');
    expect(morePartners(1)).toBe(' und 1 weiterer Partner');
    expect(morePartners(3)).toBe(' und 3 weitere Partner');
    const e = explainPair(index, 'a', 'd');
    const parts = [{ signal: 'katz' as const, value: 1, contribution: 1 }];
    const plain = { actor: (id: string) => id, topic: (id: string) => id, collaboration: (id: string) => id };
    const three = { ...e, mutualCount: 3 };
    expect(explanationSentence(parts, three, 'd', plain)).toContain(
      'Gemeinsame Partner: b (c1 / c3), c (c2 / c4) und 1 weiterer Partner;',
    );
    expect(explanationSentence(parts, { ...e, mutualCount: 5 }, 'd', plain)).toContain(
      'c (c2 / c4) und 3 weitere Partner;',
    );
    expect(explanationSentence(parts, e, 'd', plain)).not.toContain('weitere');
    const one = { ...e, mutualCount: 1, mutualCollaborators: e.mutualCollaborators.slice(0, 1) };
    expect(explanationSentence(parts, one, 'd', plain)).toContain('Gemeinsamer Partner: b (c1 / c3)');
  });

  test('size as the only reason is said plainly', () => {
    const e = explainPair(index, 'f', 'b');
    const parts = [{ signal: 'activity' as const, value: 2, contribution: 1 }];
    expect(onlyBySize(parts, e)).toBe(true);
    expect(
      explanationSentence(parts, e, 'b', {
        actor: (id) => id.toUpperCase(),
        topic: (id) => id,
        collaboration: (id) => id,
      }),
    ).toBe(
      'Kein gemeinsames Thema und keine gemeinsamen Partner – nur vorgeschlagen, weil B im Netzwerk aktiv ist: 3 Zusammenarbeiten mit 2 Partnern.',
    );
    expect(activityPhrase(1, 1)).toBe('1 Zusammenarbeit mit 1 Partner');
    expect(onlyBySize([{ signal: 'katz', value: 1, contribution: 0.5 }], explainPair(index, 'a', 'd'))).toBe(false);
  });

  test('germanList', () => {
    expect(germanList(['A'])).toBe('A');
    expect(germanList(['A', 'B'])).toBe('A und B');
    expect(germanList(['A', 'B', 'C'])).toBe('A, B und C');
  });
});

describe('topic matches', () => {
  const index = buildSuggestionIndex(network());

  test('matchActors ranks actors with any of the topics by IDF cosine', () => {
    const list = matchActors(index, ['t1'], 10);
    // tf·idf vectors: f = (t1) → 1; a = (t0, t1) equal → 1/√2; d = (t0, t1, 2·t2) with idf(t2) = ln 2.
    const [i0, i2] = [Math.log(4 / 3), Math.log(2)];
    expect(list.map((m) => [m.actorId, m.score])).toEqual([
      ['f', expect.closeTo(1, 12)],
      ['a', expect.closeTo(1 / Math.sqrt(2), 12)],
      ['d', expect.closeTo(i0 / Math.sqrt(2 * i0 * i0 + 4 * i2 * i2), 12)],
    ]);
    expect(list[2].sharedTopics).toEqual([{ topicId: 't1', weight: i0 }]);
    expect(() => matchActors(index, ['t9'], 10)).toThrow(/Topic "t9"/);
  });

  test('similarActors: nearest by topics, collaborators included, not itself', () => {
    const list = similarActors(index, 'd', 10);
    expect(list.map((m) => m.actorId)).toEqual(['e', 'a', 'f']);
    const [i0, i2] = [Math.log(4 / 3), Math.log(2)];
    expect(list[0].score).toBeCloseTo(Math.sqrt(i0 * i0 + 4 * i2 * i2) / Math.sqrt(2 * i0 * i0 + 4 * i2 * i2), 12);
  });
});

describe('the pool of candidates loses nothing', () => {
  // suggestContacts scores only reached, topic-sharing and the most active actors; scoring every
  // actor not yet collaborated with must give the same list.
  const data = plantedNetwork({ actors: 600, seed: 9 }).data;
  const projection = NetworkProjection.fromSnapshot({
    actors: data.actors.map((a) => ({ id: a.id, kind: a.kind })),
    topics: data.topics.map((t) => ({ id: t.id! })),
    // Only the first half of the collaborations: many actors without ties, several components.
    collaborations: data.collaborations
      .slice(0, 120)
      .map((c) => ({ id: c.id, kind: c.kind, startDate: c.startDate ?? null, endDate: null })),
    participations: data.collaborations
      .slice(0, 120)
      .flatMap((c) => c.participants!.map((p) => ({ actorId: p.actorId, collaborationId: c.id }))),
    interests: data.actors.flatMap((a) => (a.interests ?? []).map((i) => ({ actorId: a.id, topicId: i.topicId }))),
    about: data.collaborations
      .slice(0, 120)
      .flatMap((c) => (c.topicIds ?? []).map((topicId) => ({ collaborationId: c.id, topicId }))),
  });
  const index = buildSuggestionIndex(projection);
  const { graph } = index;

  function bruteForce(actorId: string, model: ScoringModel, first: number, kinds?: ActorKind[]): string[] {
    const q = graph.index.get(actorId)!;
    const signals = index.signals.compute(q);
    const eligible = graph.ids
      .map((_, b) => b)
      .filter(
        (b) =>
          b !== q &&
          edgeIndex(graph, q, b) < 0 &&
          (!kinds || kinds.includes(projection.actors.get(graph.ids[b])!.kind)),
      );
    const scored = eligible
      .map((b) => ({ b, s: scoreOf(model, (signal) => signals.value(signal, b)) }))
      .filter((x) => x.s > 0);
    scored.sort((x, y) => y.s - x.s || x.b - y.b);
    const chosen = scored.slice(0, first).map((x) => x.b);
    for (const b of graph.byActivity) {
      if (chosen.length >= first) break;
      if (!chosen.includes(b) && eligible.includes(b)) chosen.push(b);
    }
    return chosen.map((b) => graph.ids[b]);
  }

  const models: ScoringModel[] = [
    DEFAULT_MODEL,
    singleSignalModel('katz'),
    singleSignalModel('topics'),
    singleSignalModel('activity'),
  ];
  const actors = ['p000000', 'p000007', 'p000100', 'p000333', 'p000599'];
  test.each(actors)('actor %s, every model, with and without a kind filter', (actorId) => {
    for (const model of models) {
      expect(ids(suggestContacts(index, actorId, { first: 15, model }))).toEqual(bruteForce(actorId, model, 15));
      expect(ids(suggestContacts(index, actorId, { first: 5, model, kinds: ['GROUP', 'AGENCY'] }))).toEqual(
        bruteForce(actorId, model, 5, ['GROUP', 'AGENCY']),
      );
    }
  });
});
