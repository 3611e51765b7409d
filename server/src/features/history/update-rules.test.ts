/** The update recipe as a pure plan: what both stores write and record (update-rules.ts). */
import type { Actor, Collaboration } from '../../domain/model';
import { planActorUpdate, planCollaborationEdit, planCollaborationUpdate, planTopicUpdate } from './update-rules';

const AT = '2026-01-02T03:04:05.000Z';
const actor: Actor = {
  id: 'a1',
  name: 'Gartenverein',
  kind: 'GROUP',
  description: null,
  district: 'Nord',
  website: null,
  contact: null,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  version: 3,
};
const collaboration: Collaboration = {
  version: 1,
  id: 'c1',
  title: 'Pflanztag',
  kind: 'EVENT',
  startDate: '2025-05-01',
  endDate: null,
  location: null,
  description: null,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

const thrown = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    const { code, field, message } = error as { code: string; field?: string; message: string };
    return { code, field, message };
  }
  throw new Error('expected a refusal');
};

describe('update-rules', () => {
  test('an actor update applies the patch, bumps the version, sets updatedAt and records the changed fields', () => {
    const plan = planActorUpdate({ id: 'a1', current: actor, patch: { district: null, name: 'Verein' }, at: AT });
    expect(plan.after).toEqual({ ...actor, name: 'Verein', district: null, updatedAt: AT, version: 4 });
    expect(plan.before).toBe(actor);
    expect(plan.changes).toEqual([
      {
        entityType: 'Actor',
        entityId: 'a1',
        operation: 'UPDATE',
        undoes: null,
        changes: [
          { field: 'name', before: 'Gartenverein', after: 'Verein' },
          { field: 'district', before: 'Nord', after: null },
        ],
      },
    ]);
  });

  test('refusals: required field first, then unknown id, then a stale version', () => {
    const patch = { name: null as unknown as string };
    expect(thrown(() => planActorUpdate({ id: 'x', current: null, patch, at: AT }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'name',
      message: 'name cannot be cleared',
    });
    expect(thrown(() => planActorUpdate({ id: 'x', current: null, patch: {}, expectedVersion: 3, at: AT }))).toEqual({
      code: 'NOT_FOUND',
      field: 'id',
      message: 'Actor "x" does not exist',
    });
    expect(thrown(() => planActorUpdate({ id: 'a1', current: actor, patch: {}, expectedVersion: 2, at: AT }))).toEqual({
      code: 'CONFLICT',
      field: 'expectedVersion',
      message: 'Actor "a1" has changed: its version is 3, not 2; reload and retry',
    });
    expect(planActorUpdate({ id: 'a1', current: actor, patch: {}, expectedVersion: 3, at: AT }).after.version).toBe(4);
  });

  test('a renamed topic gets a new slug; without a name the slug stays; null aliases keep the stored ones', () => {
    const topic = { id: 'garten', name: 'Garten', slug: 'garten', aliases: ['Grün'] };
    expect(planTopicUpdate({ id: 'garten', current: topic, patch: { name: 'Urbanes Gärtnern' } }).after).toEqual({
      id: 'garten',
      name: 'Urbanes Gärtnern',
      slug: 'urbanes-gartnern',
      aliases: ['Grün'],
    });
    expect(
      planTopicUpdate({ id: 'garten', current: topic, patch: { aliases: null as unknown as string[] } }).after,
    ).toEqual(topic);
  });

  test('a collaboration given topicIds replaces them, each once, and records the lists (sorted) only then', () => {
    const replaced = planCollaborationUpdate({
      id: 'c1',
      current: collaboration,
      topicIdsBefore: ['garten'],
      patch: { topicIds: ['kiez', 'kiez', 'garten'] },
      at: AT,
    });
    expect(replaced.topicIds).toEqual(['kiez', 'garten']);
    expect(replaced.after).toEqual({ ...collaboration, updatedAt: AT, version: 2 });
    expect(replaced.changes[0].changes).toEqual([{ field: 'topicIds', before: ['garten'], after: ['garten', 'kiez'] }]);
    const kept = planCollaborationUpdate({ id: 'c1', current: collaboration, patch: { location: 'Hof' }, at: AT });
    expect(kept.topicIds).toBeUndefined();
    expect(kept.changes[0].changes).toEqual([{ field: 'location', before: null, after: 'Hof' }]);
  });

  describe('an edit of a collaboration (fields, topics, participants at once)', () => {
    const stored = { ...collaboration, version: 4 };
    const base = {
      id: 'c1',
      current: stored,
      topicIdsBefore: ['garten'],
      participantsBefore: [
        { actorId: 'a1', role: 'ORGANISER' as const },
        { actorId: 'a2', role: 'PARTICIPANT' as const },
      ],
      knownTopicIds: new Set(['garten', 'kiez']),
      knownActorIds: new Set(['a1', 'a2', 'a3']),
      at: AT,
    };
    const same = {
      title: 'Pflanztag',
      kind: 'EVENT' as const,
      startDate: '2025-05-01',
      topicIds: ['garten'],
      participants: base.participantsBefore,
    };

    test('adds, removes and re-roles participants, bumps the version, records one UPDATE and one record per actor', () => {
      const plan = planCollaborationEdit({
        ...base,
        expectedVersion: 4,
        edit: {
          ...same,
          location: 'Hof',
          topicIds: ['kiez'],
          participants: [
            { actorId: 'a3', role: 'HOST' },
            { actorId: 'a1', role: 'MEMBER' },
          ],
        },
      });
      expect(plan.changed).toBe(true);
      expect(plan.after).toEqual({ ...stored, location: 'Hof', updatedAt: AT, version: 5 });
      expect(plan.topicIds).toEqual(['kiez']);
      expect(plan.setParticipants).toEqual([
        { actorId: 'a3', role: 'HOST' },
        { actorId: 'a1', role: 'MEMBER' },
      ]);
      expect(plan.removeActorIds).toEqual(['a2']);
      expect(plan.changes.map((c) => [c.entityType, c.entityId, c.operation])).toEqual([
        ['Collaboration', 'c1', 'UPDATE'],
        ['Actor', 'a1', 'ADD_PARTICIPANT'],
        ['Actor', 'a2', 'REMOVE_PARTICIPANT'],
        ['Actor', 'a3', 'ADD_PARTICIPANT'],
      ]);
      expect(plan.changes[0].changes).toEqual([
        { field: 'location', before: null, after: 'Hof' },
        { field: 'topicIds', before: ['garten'], after: ['kiez'] },
        { field: 'participant:a1', before: 'ORGANISER', after: 'MEMBER' },
        { field: 'participant:a2', before: 'PARTICIPANT', after: null },
        { field: 'participant:a3', before: null, after: 'HOST' },
      ]);
    });

    test('an edit that changes nothing writes and records nothing, the version stays', () => {
      const plan = planCollaborationEdit({ ...base, edit: same, expectedVersion: 4 });
      expect(plan).toMatchObject({
        changed: false,
        after: stored,
        changes: [],
        setParticipants: [],
        removeActorIds: [],
      });
    });

    test('refusals: required field, a participant twice, unknown id, stale version, unknown topic, unknown participant by place', () => {
      expect(thrown(() => planCollaborationEdit({ ...base, edit: { ...same, title: null as never } }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'title',
      });
      const twice = [...same.participants, { actorId: 'a1', role: 'HOST' as const }];
      expect(thrown(() => planCollaborationEdit({ ...base, edit: { ...same, participants: twice } }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'participants[2].actorId',
      });
      expect(thrown(() => planCollaborationEdit({ ...base, current: null, edit: same }))).toMatchObject({
        code: 'NOT_FOUND',
        field: 'id',
      });
      expect(thrown(() => planCollaborationEdit({ ...base, edit: same, expectedVersion: 3 }))).toEqual({
        code: 'CONFLICT',
        field: 'expectedVersion',
        message: 'Collaboration "c1" has changed: its version is 4, not 3; reload and retry',
      });
      expect(thrown(() => planCollaborationEdit({ ...base, edit: { ...same, topicIds: ['nowhere'] } }))).toMatchObject({
        code: 'NOT_FOUND',
        field: 'topicIds',
      });
      const ghost = [...same.participants, { actorId: 'ghost', role: 'HOST' as const }];
      expect(thrown(() => planCollaborationEdit({ ...base, edit: { ...same, participants: ghost } }))).toMatchObject({
        code: 'NOT_FOUND',
        field: 'participants[2].actorId',
      });
    });
  });
});
