import { interestsWithNewTopics, needsStoredInterests, planCreates } from './edit-create-rules';

const none = { topicIds: new Set<string>(), actorIds: new Set<string>() };
const creates = {
  topics: [{ id: 'lastenrad', name: 'Lastenrad' }],
  actors: [{ id: 'tafel', name: 'Tafel', kind: 'INITIATIVE' as const }],
};

describe('edit-create-rules', () => {
  test('planCreates: the records at version 1 with one CREATE each, topics first', () => {
    const plan = planCreates(creates, none, '2026-01-01T00:00:00.000Z');
    expect(plan.topics).toEqual([{ id: 'lastenrad', name: 'Lastenrad', slug: 'lastenrad', aliases: [] }]);
    expect(plan.actors[0]).toMatchObject({
      id: 'tafel',
      version: 1,
      website: null,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    expect(plan.changes.map((c) => [c.entityType, c.entityId, c.operation])).toEqual([
      ['Topic', 'lastenrad', 'CREATE'],
      ['Actor', 'tafel', 'CREATE'],
    ]);
  });

  test('planCreates: an id stored by now is CONFLICT, named as the API names it', () => {
    expect(() => planCreates(creates, { ...none, topicIds: new Set(['lastenrad']) }, 'x')).toThrow(
      expect.objectContaining({ code: 'CONFLICT', field: 'newTopics[0]' }),
    );
    expect(() => planCreates(creates, { ...none, actorIds: new Set(['tafel']) }, 'x')).toThrow(
      expect.objectContaining({ code: 'CONFLICT', field: 'newActors[0].id' }),
    );
  });

  test('interestsWithNewTopics: new topics join the given interests, else the stored ones; none: unchanged', () => {
    const stored = [{ topicId: 'garten', weight: 0.5 }];
    expect(interestsWithNewTopics(undefined, [], stored)).toBeUndefined();
    expect(interestsWithNewTopics([{ topicId: 'kiez' }], [], null)).toEqual([{ topicId: 'kiez' }]);
    expect(needsStoredInterests(undefined, creates.topics)).toBe(true);
    expect(needsStoredInterests([], creates.topics)).toBe(false);
    expect(interestsWithNewTopics(undefined, creates.topics, stored)).toEqual([
      { topicId: 'garten', weight: 0.5 },
      { topicId: 'lastenrad', weight: 1 },
    ]);
    expect(interestsWithNewTopics([{ topicId: 'kiez', weight: 1 }], creates.topics, null)).toEqual([
      { topicId: 'kiez', weight: 1 },
      { topicId: 'lastenrad', weight: 1 },
    ]);
  });
});
