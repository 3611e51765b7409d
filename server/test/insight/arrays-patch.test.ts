/**
 * The projection's arrays after a change, patched from the last arrays with the journal of the
 * writes since (`arrays-patch.ts`, through `VersionArrays` as the engine uses it): field for field
 * what a full encoding of the projection gives, after each kind of write the service makes; and a
 * full encoding where a patch cannot be had (actors added or removed, a collaboration removed, a
 * new topic, the projection reloaded).
 */
import { generateNetwork } from '../../../seed/generate';
import { snapshotOf } from '../../../seed/snapshot';
import { NetworkProjection } from '../../src/graph/projection';
import { encodeProjectionNow } from '../../src/features/insight/projection-arrays';
import { VersionArrays } from '../../src/features/insight/version-arrays';

describe('the projection arrays patched after a change', () => {
  it('are what a full encoding gives, after every kind of write', async () => {
    const data = generateNetwork({ actors: 1200, seed: 5, hubs: 2 });
    const projection = NetworkProjection.fromSnapshot(snapshotOf(data));
    const arrays = new VersionArrays(projection);
    await arrays.get();
    expect(arrays.made).toEqual({ patched: 0, encoded: 1 });

    const collaborationIds = [...projection.collaborations.keys()];
    const actorIds = [...projection.actors.keys()].sort();
    const topics = [...projection.topics].sort();
    const outsider = (c: string) => actorIds.find((a) => !projection.collaborations.get(c)!.actors.has(a))!;
    const kindOf = (c: string) => projection.collaborations.get(c)!;
    // [what, write, patched?]
    const writes: Array<[string, () => void, boolean]> = [
      ['a member joins', () => projection.addParticipant(collaborationIds[2], outsider(collaborationIds[2])), true],
      [
        'a member leaves',
        () => projection.removeParticipant(collaborationIds[9], [...kindOf(collaborationIds[9]).actors][0]),
        true,
      ],
      [
        'two writes between two questions',
        () => {
          projection.addParticipant(collaborationIds[30], outsider(collaborationIds[30]));
          projection.setInterests(actorIds[40], [topics[0], topics[3]]);
        },
        true,
      ],
      ['an actor changes kind', () => projection.upsertActor(actorIds[7], 'AGENCY'), true],
      [
        'a collaboration changes kind, dates and topics',
        () =>
          projection.upsertCollaboration(
            collaborationIds[11],
            { kind: 'JURY', startDate: '2020-01-01', endDate: '2020-02-01' },
            [topics[1], topics[2]],
          ),
        true,
      ],
      [
        'a new collaboration with members and topics',
        () => {
          projection.upsertCollaboration('c-new', { kind: 'PROJECT', startDate: '2023-05-01', endDate: null }, [
            topics[4],
          ]);
          for (const a of actorIds.slice(3, 8)) projection.addParticipant('c-new', a);
        },
        true,
      ],
      ['a topic removed (actors and collaborations lose it)', () => projection.removeTopic(topics[1]), false],
      ['the same topic back', () => projection.addTopic(topics[1]), false],
      [
        'a member joins after that',
        () => projection.addParticipant(collaborationIds[5], outsider(collaborationIds[5])),
        true,
      ],
      ['a new actor', () => projection.upsertActor('a-new', 'ASSOCIATION'), false],
      ['a member joins again', () => projection.addParticipant('c-new', 'a-new'), true],
      ['a collaboration removed', () => projection.removeCollaboration(collaborationIds[20]), false],
      ['an actor removed', () => projection.removeActor(actorIds[50]), false],
      ['the whole projection reloaded', () => projection.load(snapshotOf(data)), false],
      [
        'a member joins at last',
        () => projection.addParticipant(collaborationIds[2], outsider(collaborationIds[2])),
        true,
      ],
    ];
    for (const [what, write, patch] of writes) {
      const before = { ...arrays.made };
      write();
      const made = await arrays.get();
      expect({ what, patched: arrays.made.patched - before.patched }).toEqual({ what, patched: patch ? 1 : 0 });
      expect(made.version).toBe(projection.version);
      expect(made).toEqual(await encodeProjectionNow(projection));
    }
    arrays.close();
  });

  it('keep patching after writes that come while an encoding runs in slices', async () => {
    const projection = NetworkProjection.fromSnapshot(
      snapshotOf(generateNetwork({ actors: 30_000, seed: 3, hubs: 1 })),
    );
    const arrays = new VersionArrays(projection);
    const collaborationIds = [...projection.collaborations.keys()];
    const actorIds = [...projection.actors.keys()].sort();
    const join = (k: number) => {
      const c = projection.collaborations.get(collaborationIds[k])!;
      projection.addParticipant(
        collaborationIds[k],
        actorIds.find((a) => !c.actors.has(a))!,
      );
    };
    const pending = arrays.get();
    // A write between two slices of the first encoding: it starts again on the new version.
    await new Promise((resolve) => setImmediate(resolve));
    join(1);
    const first = await pending;
    expect(first.version).toBe(projection.version);
    join(2);
    const patched = await arrays.get();
    expect(arrays.made.patched).toBe(1);
    expect(patched).toEqual(await encodeProjectionNow(projection));
    arrays.close();
  }, 60_000);
});
