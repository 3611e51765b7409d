/** The update recipe as a pure plan: what both stores write and record (update-rules.ts). */
import type { Actor, Collaboration } from '../../domain/model';
import { planActorUpdate, planCollaborationUpdate, planTopicUpdate } from './update-rules';

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
    expect(replaced.after).toEqual({ ...collaboration, updatedAt: AT });
    expect(replaced.changes[0].changes).toEqual([{ field: 'topicIds', before: ['garten'], after: ['garten', 'kiez'] }]);
    const kept = planCollaborationUpdate({ id: 'c1', current: collaboration, patch: { location: 'Hof' }, at: AT });
    expect(kept.topicIds).toBeUndefined();
    expect(kept.changes[0].changes).toEqual([{ field: 'location', before: null, after: 'Hof' }]);
  });
});
